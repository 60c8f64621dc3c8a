"""A minimal OLE2 compound file writer, for tests: Word 97 and WPS files named by their streams.

Version 3 layout, 512-byte sectors: the header, one FAT sector, one directory sector, then each
stream padded with zeros to at least 4,096 bytes (so no mini stream is needed). Enough for olefile and xlrd
to list and open the streams; the streams' own content is whatever the test gives.
"""

from __future__ import annotations

import struct

SECTOR = 512
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MINI_STREAM_CUTOFF = 4096


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 file holding ``streams`` (at most three, so the directory fits one sector)."""
    sizes = [max(len(data), MINI_STREAM_CUTOFF) for data in streams.values()]
    contents = [data.ljust(-(-size // SECTOR) * SECTOR, b"\0") for data, size in zip(streams.values(), sizes)]
    fat = [FAT_SECTOR, END_OF_CHAIN]
    starts = []
    for data in contents:
        first = len(fat)
        count = len(data) // SECTOR
        starts.append(first)
        fat.extend([*range(first + 1, first + count), END_OF_CHAIN])
    entries = [directory_entry("Root Entry", 5, END_OF_CHAIN, 0, child=1 if streams else NO_STREAM)]
    for index, name in enumerate(streams):
        right = index + 2 if index + 1 < len(streams) else NO_STREAM
        entries.append(directory_entry(name, 2, starts[index], sizes[index], right=right))
    directory = b"".join(entries).ljust(SECTOR, b"\0")
    fat_sector = struct.pack(f"<{len(fat)}I", *fat).ljust(SECTOR, b"\xff")
    return header() + fat_sector + directory + b"".join(contents)


def header() -> bytes:
    fixed = struct.pack(
        "<8s16sHHHHH6sIIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\0" * 16,
        0x3E,  # minor version
        3,  # major version: 512-byte sectors
        0xFFFE,  # byte order
        9,  # sector shift
        6,  # mini sector shift
        b"\0" * 6,
        0,  # directory sectors (0 in version 3)
        1,  # FAT sectors
        1,  # first directory sector
        0,  # transaction signature
        MINI_STREAM_CUTOFF,
        END_OF_CHAIN,  # first mini FAT sector
        0,  # mini FAT sectors
        END_OF_CHAIN,  # first DIFAT sector
        0,  # DIFAT sectors
        0,  # DIFAT[0]: the FAT is sector 0
    )
    return fixed + struct.pack("<108I", *[FREE] * 108)


def directory_entry(name: str, kind: int, start: int, size: int, child: int = NO_STREAM, right: int = NO_STREAM) -> bytes:
    encoded = name.encode("utf-16-le")
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded,
        len(encoded) + 2,
        kind,  # 5 root, 2 stream
        1,  # black
        NO_STREAM,  # left sibling
        right,
        child,
        b"\0" * 16,
        0,
        0,
        0,
        start,
        size,
    )

"""The benchmark's run input: a folder of links to exactly the files measured."""

from __future__ import annotations

from bench.harness import linked


def test__linked__links_exactly_the_paths_given_and_drops_stale_links(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = [corpus / f"{index:06d}-a.pdf" for index in range(3)]
    for path in files:
        path.write_bytes(b"%PDF-")
    folder = linked(files, tmp_path / "links")
    assert sorted(p.name for p in folder.iterdir()) == [p.name for p in files]

    renamed = corpus / "000001-b.pdf"
    files[1].rename(renamed)
    folder = linked([files[0], renamed], folder)
    assert sorted(p.name for p in folder.iterdir()) == ["000000-a.pdf", "000001-b.pdf"]
    assert all(link.resolve().exists() for link in folder.iterdir())

"""`make bench`'s PDF run: the published PDFs of tests/corpus copied to 1,000 distinct files
(`bench.corpus.build_pdf_corpus`), held to >= 8 PDF reports/s end to end on the machine's
cores, with memory flat as the corpus grows.

    floor        pypdfium2's plain text of the same 1,000 files (open, then get_text_range page by
                 page), on as many processes as the flow has workers; and on one process
    reader       extract.readers.read_document alone, one process
    extraction   transform.pipeline.process_report, one process: the reader, then the extraction
                 rules and checks on what it read (each timed, so the file is read once)
    end to end   the ingest flow (default process runner, fresh database, child process) over 200
                 and 1,000 files: wall time, reports/s, failed files, peak memory and CPU of the
                 run's process tree; the nothing-changed re-run over the 1,000

The one-process figures are taken on the first ONE_PROCESS files: ten copies of each published
PDF, the mix of the 1,000. Reports/s counts every file a run handled: the template's copies are
read in full and refused (its department is a placeholder), as they must be, and are counted as
failed by design; any other failure is flagged. Reports/s are wall time: on a machine that other
work shares they are contended, and the load average is printed before and after. Beside each is
the CPU time a report took (of the run's own processes: not the database server's nor the
Prefect API's), which other work moves much less: the figures to compare across runs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from pathlib import Path
from typing import NamedTuple

from bench.corpus import build_pdf_corpus
from bench.harness import BUILD, ROOT, child, linked, timed_ingest, use_database, verdict

PDF_CORPUS = BUILD / "bench-pdf-corpus"
PDF_SIZES = (200, 1_000)
ONE_PROCESS = 120
GOAL_REPORTS_PER_S = 8.0
FLAT = 1.5
"""Memory is flat when the peak of the 1,000-file run is less than this times the 200-file run's."""
TEMPLATE = "template-department-final-accounts.pdf"
"""The blank 部门决算 template among the published PDFs: nothing to load, refused by design."""


class Spent(NamedTuple):
    """Wall-clock and CPU seconds of one piece of work. Wall time is what a run takes on this
    machine as it is; CPU time is the work itself, much less moved by other work on the cores."""

    wall: float
    cpu: float

    def __add__(self, other: Spent) -> Spent:
        return Spent(self.wall + other.wall, self.cpu + other.cpu)

    def rates(self, count: int) -> str:
        return f"{count / self.wall:.1f} reports/s (CPU {1000 * self.cpu / count:.0f} ms a report)"


NOTHING = Spent(0.0, 0.0)


@contextmanager
def spending(into: list[Spent]) -> Iterator[None]:
    """Append what the block spent, in wall-clock and this process's CPU seconds, to ``into``."""
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        into.append(Spent(time.perf_counter() - wall, time.process_time() - cpu))


def plain_text(path: Path) -> float:
    """The floor's work on one file: its bytes opened by pdfium and every page's plain text
    extracted; returns the CPU seconds it took."""
    import pypdfium2 as pdfium

    start = time.process_time()
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return time.process_time() - start


def floor(paths: list[Path], workers: int) -> Spent:
    """The floor's work on ``paths`` over ``workers`` processes (started and warmed up before the
    clock starts: the floor pays no start-up); CPU is the workers' on the files."""
    if workers == 1:
        start = time.perf_counter()
        cpu = sum(plain_text(path) for path in paths)
        return Spent(time.perf_counter() - start, cpu)
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        list(pool.map(plain_text, paths[:workers]))
        start = time.perf_counter()
        cpu = sum(pool.map(plain_text, paths, chunksize=4))
        return Spent(time.perf_counter() - start, cpu)


def reader_and_rules(paths: list[Path]) -> tuple[Spent, Spent]:
    """process_report's two halves over ``paths`` in this process: reading each file
    (read_document), then extraction and checks on the document read (extract_document,
    run_checks); a refused file's reading counts, as in a run."""
    from extract.errors import ExtractError
    from extract.readers import read_document
    from extract.report import extract_document
    from transform.checks import run_checks

    reading: list[Spent] = []
    rules: list[Spent] = []
    for path in paths:
        try:
            with spending(reading):
                document = read_document(path)
        except ExtractError:
            continue
        try:
            with spending(rules):
                run_checks(document, extract_document(document))
        except ExtractError:
            pass
    return sum(reading, NOTHING), sum(rules, NOTHING)


def end_to_end(count: int, database_url: str, rerun: bool) -> dict:
    """In a child process: the ingest flow over the first ``count`` PDFs (then again, unchanged)."""
    use_database(database_url)
    from flows.prefect_env import quiet_prefect

    quiet_prefect()
    paths = build_pdf_corpus(PDF_CORPUS, max(PDF_SIZES))[:count]  # reused: what the parent built
    folder = linked(paths, BUILD / f"bench-pdf-links-{count}")
    return {"count": count, "templates": sum(p.name.endswith(TEMPLATE) for p in paths)} | timed_ingest(folder, rerun)


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f} on {os.cpu_count()} cores"


def measure_and_print_pdf(admin: str) -> None:
    from flows.ingest import cyclic_gc_paused
    from flows.runners import default_workers

    start = time.perf_counter()
    paths = build_pdf_corpus(PDF_CORPUS, max(PDF_SIZES))
    print(f"PDF corpus: {len(paths)} PDFs under {PDF_CORPUS.relative_to(ROOT)} ({time.perf_counter() - start:.1f} s to build "
          f"or reuse); {load_average()}")
    workers = default_workers()
    print(f"PDF floor, pypdfium2 plain text of the {len(paths)} PDFs on {workers} processes: "
          f"{floor(paths, workers).rates(len(paths))}")
    sample = paths[:ONE_PROCESS]
    plain = floor(sample, 1)
    with cyclic_gc_paused():  # as in a batch task
        reading, rules = reader_and_rules(sample)
    print(f"PDF, 1 process, {len(sample)} PDFs: floor {plain.rates(len(sample))}; reader (read_document) "
          f"{reading.rates(len(sample))}; extraction (process_report) {(reading + rules).rates(len(sample))}, "
          f"of which rules and checks {1000 * rules.cpu / len(sample):.0f} ms")
    runs = {count: child("pdf-end-to-end", count, admin) for count in PDF_SIZES}
    for count, run in runs.items():
        print_end_to_end(run)
    big = runs[max(PDF_SIZES)]
    print(f"PDF nothing-changed re-run over {max(PDF_SIZES)}: {big['rerun_seconds']:.2f} s, {big['rerun_skipped']} skipped")
    growth = big["peak_mb"] / runs[min(PDF_SIZES)]["peak_mb"]
    print(f"PDF peak memory {max(PDF_SIZES)} vs {min(PDF_SIZES)} PDFs: x{growth:.2f} (flat, < {FLAT}: {verdict(growth < FLAT)}); "
          f"{load_average()}")


def print_end_to_end(run: dict) -> None:
    handled = run["loaded"] + run["failed"]
    rate = handled / run["seconds"]
    failed = f"{run['failed']} failed"
    if run["failed"] == run["templates"]:
        failed += " (the template's copies, by design)"
    else:
        failed += f" (MISS: {run['templates']} expected, the template's copies)"
    print(f"PDF end to end, {run['count']} PDFs: {run['seconds']:.1f} s, {rate:.2f} reports/s (goal >= "
          f"{GOAL_REPORTS_PER_S:.0f}/s: {verdict(rate >= GOAL_REPORTS_PER_S)}), {run['loaded']} loaded, {run['facts']} facts, "
          f"{failed}, peak memory {run['peak_mb']:.0f} MB, CPU {run['cpu_seconds']:.0f} s "
          f"({1000 * run['cpu_seconds'] / handled:.0f} ms a report)")

"""factcheck on a Dask cluster: archive shards checked one task per shard, findings written as shards.

    factcheck check shards/ --dask --output findings/                # a local cluster sized to the machine
    factcheck check 's3://bucket/crawl/*.jsonl' --dask tcp://scheduler:8786 --output s3://bucket/findings/

Shards are JSON Lines or JSON exports (read as `factcheck check` reads them, records named FILE#ID or
FILE:LINE) or Parquet files (a row is a record, named FILE#ID or FILE:ROW), on local disk or at any
fsspec URL. Each task checks one shard and writes its findings as one shard of the output (Parquet,
or JSON Lines), one row per finding and per record that could not be checked (FINDING_COLUMNS); the
summary is written beside them as _summary.json (a name Parquet readers skip).

For a Dask collection of records already in hand: `check_bag(bag)` and `check_dataframe(df)`. Every path
runs `RecordCheck`, a picklable function of one record that calls the Checker the serial run uses
(`Checker.check_record`, `Checker.check_stream`), so the findings are the same.

Needs the `dask` extra: pip install 'factcheck-news[dask]'.
"""
from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .checker import Checker
from .ingest import ReadOptions
from .ingest.records import record_name
from .models import FileReport
from .report.stream import Tally

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

FINDING_COLUMNS = ("article", "rule", "category", "severity", "message", "suggestion", "reasoning", "evidence",
                   "fingerprint", "error")
PARQUET_SUFFIXES = (".parquet", ".pq")
LOCAL = "local"  # `--dask` without an address: a LocalCluster sized to the machine


@dataclass(frozen=True)
class RecordCheck:
    """The check of one archive record as a picklable function, what a cluster's workers run: the
    Checker (its rules; about 40 KB pickled) and how records are read. Each worker process keeps the
    first Checker it unpickles, so that its lexicons are compiled once, not once per task."""

    checker: Checker = field(default_factory=Checker)
    options: ReadOptions = field(default_factory=ReadOptions)
    key: str = field(default_factory=lambda: os.urandom(8).hex())  # names this checker in the worker's cache
    names: Mapping[str, str] = field(default_factory=dict)  # a front end's words for the settings errors name

    def __call__(self, record: object, name: str) -> FileReport:
        return self.worker_checker().check_record(record, name, self.options).named(self.names)

    def worker_checker(self) -> Checker:
        checker = _CHECKERS.pop(self.key, None) or self.checker
        _CHECKERS[self.key] = checker  # the most recently used last
        while len(_CHECKERS) > KEPT_CHECKERS:  # a long-lived worker serves many runs: forget the oldest
            del _CHECKERS[next(iter(_CHECKERS))]
        return checker

    def shard(self, url: str) -> Iterator[FileReport]:
        """The reports of a shard's records, in order, named as a serial run names them."""
        if url.lower().endswith(PARQUET_SUFFIXES):
            for n, record in enumerate(_parquet_records(url), 1):
                yield self(record, record_name(url, n, record, self.options.fields))
            return
        o = self.options
        with _local_copy(url) as local:
            for report in self.worker_checker().check_stream([local], o.published, o.lang, max_size=o.max_size,
                                                             record_fields=o.fields, languages=o.languages):
                # a remote shard is read from a local copy, and named by its URL
                report = report.named(self.names)
                yield report if local == url else report.model_copy(update={"path": url + report.path[len(local):]})


KEPT_CHECKERS = 4  # the runs a worker keeps a compiled Checker for
_CHECKERS: dict[str, Checker] = {}


def finding_rows(report: FileReport) -> list[dict]:
    """One row per finding of a record (FINDING_COLUMNS), or one row with its error when it could not be
    checked; none for a clean record. `evidence` is the JSON list of the passages, first the one to fix."""
    if report.error:
        return [{**dict.fromkeys(FINDING_COLUMNS), "article": report.path, "error": report.error}]
    return [{"article": report.path, "rule": x.rule, "category": x.category, "severity": x.severity,
             "message": x.message, "suggestion": x.suggestion, "reasoning": x.reasoning,
             "evidence": json.dumps([e.model_dump() for e in x.evidence], ensure_ascii=False),
             "fingerprint": x.fingerprint, "error": None} for x in report.findings]


def check_shard(url: str, target: str, check: RecordCheck) -> Tally:
    """Checks the shard `url` and writes its finding rows to `target` (Parquet, or JSON Lines when it ends
    in .jsonl); the counts of the shard. What each task of `check_shards` runs."""
    counts, rows = Tally(), []
    for report in check.shard(url):
        counts.add(report)
        rows += finding_rows(report)  # findings only: a clean record leaves nothing to hold
    write_rows(rows, target)
    return counts


def write_rows(rows: list[dict], target: str) -> None:
    import fsspec

    with fsspec.open(target, "wb") as fh:
        if target.endswith(".jsonl"):
            fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8"))
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = pa.schema([(c, pa.string()) for c in FINDING_COLUMNS])
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), fh)


def check_shards(urls: list[str], output: str, check: RecordCheck | None = None, *, suffix: str = ".parquet",
                 client=None) -> Tally:
    """Checks each shard as one Dask task, on `client`'s cluster (default: Dask's current scheduler);
    the findings of shard N go to OUTPUT/part-N.parquet (or .jsonl), and the summary to
    OUTPUT/_summary.json. Returns the counts of the whole batch."""
    import dask.bag as db
    import fsspec

    fs, root = fsspec.core.url_to_fs(output)
    fs.makedirs(root, exist_ok=True)
    parts = [f"{output.rstrip('/')}/part-{i:05d}{suffix}" for i in range(len(urls))]
    tasks = db.from_sequence(list(zip(urls, parts)), npartitions=max(1, len(urls)))
    counts = tasks.starmap(check_shard, check=check or RecordCheck())
    total = Tally.merged(counts.compute(**({"scheduler": client.get} if client is not None else {})))
    with fsspec.open(f"{output.rstrip('/')}/_summary.json", "w", encoding="utf-8") as fh:  # "_": readers skip it
        fh.write(total.summary.model_dump_json(indent=2) + "\n")
    return total


def shard_urls(paths: Iterable[str]) -> list[str]:
    """The shards named by files, folders (their .jsonl, .ndjson, .json and .parquet files outside hidden
    folders) and globs, local or at fsspec URLs, in a stable order; a local file keeps the name
    `factcheck check` gives it."""
    import glob

    import fsspec

    from .ingest.sources import RECORD_SUFFIXES

    def shard(name: str, folder: str) -> bool:
        return name.lower().endswith(RECORD_SUFFIXES + PARQUET_SUFFIXES) and \
            not any(part.startswith(".") for part in name[len(folder):].split("/"))

    out: list[str] = []
    for path in paths:
        pattern = any(c in path for c in "*?[")
        if "://" not in path:
            if Path(path).is_dir():
                out += sorted(str(p) for p in Path(path).rglob("*") if p.is_file() and shard(p.as_posix(), path))
            else:
                out += sorted(glob.glob(path)) if pattern else [path]
            continue
        fs, root = fsspec.core.url_to_fs(path)
        if fs.isdir(root):
            out += [fs.unstrip_protocol(p) for p in sorted(fs.find(root)) if shard(p, root)]
        else:
            out += [fs.unstrip_protocol(p) for p in sorted(fs.glob(root))] if pattern else [path]
    return out


def check_bag(bag: dask.bag.Bag, check: RecordCheck | None = None) -> dask.bag.Bag:
    """A bag of finding rows (FINDING_COLUMNS) from a bag of records (dicts, as archive exports hold
    them); each record is named bag#ID, or bag:N (its place in its partition) without an id."""
    return bag.map_partitions(_partition_rows, check or RecordCheck(), "bag")


def check_dataframe(df: dask.dataframe.DataFrame, check: RecordCheck | None = None) -> dask.dataframe.DataFrame:
    """A dataframe of finding rows (FINDING_COLUMNS, all strings) from a dataframe of records, one per
    row (its columns the record's keys); each record is named dataframe#ID, or dataframe:INDEX."""
    import pandas as pd

    meta = pd.DataFrame({c: pd.Series(dtype=object) for c in FINDING_COLUMNS})
    return df.map_partitions(_frame_rows, check or RecordCheck(), meta=meta)


def _partition_rows(records: Iterable, check: RecordCheck, where: str) -> list[dict]:
    return [row for n, record in enumerate(records, 1)
            for row in finding_rows(check(record, record_name(where, n, record, check.options.fields)))]


def _frame_rows(frame, check: RecordCheck):
    import pandas as pd

    rows = [row for index, record in zip(frame.index, frame.to_dict("records"))
            for row in finding_rows(check(_plain(record), record_name("dataframe", index, _plain(record),
                                                                      check.options.fields)))]
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS), dtype=object)


def _plain(record: dict) -> dict:
    """A dataframe row as a JSON record: missing values (NaN, NaT, None) left out, dates as dates."""
    out = {}
    for key, value in record.items():
        if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) == "NaT":
            continue
        out[key] = value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
    return out


def _parquet_records(url: str) -> Iterator[dict]:
    """The rows of a Parquet file as records, a batch at a time."""
    import fsspec
    import pyarrow.parquet as pq

    with fsspec.open(url, "rb") as fh:
        for batch in pq.ParquetFile(fh).iter_batches(batch_size=1024):
            for record in batch.to_pylist():
                yield {k: v for k, v in record.items() if v is not None}


@contextmanager
def _local_copy(url: str) -> Iterator[str]:
    """A local path for the shard: itself when local, else a copy on this worker's disk, with the
    shard's suffix (which says how to read it), removed afterwards."""
    if "://" not in url or url.startswith("file://"):
        yield url.removeprefix("file://")
        return
    import shutil
    import tempfile

    import fsspec

    with tempfile.TemporaryDirectory(prefix="factcheck-shard-") as folder:
        local = os.path.join(folder, "shard" + os.path.splitext(url)[1])
        with fsspec.open(url, "rb") as source, open(local, "wb") as copy:
            shutil.copyfileobj(source, copy, 1 << 20)
        yield local


@contextmanager
def client_for(address: str) -> Iterator:
    """A distributed Client, closed at the end: of a LocalCluster sized to the machine (one single-threaded
    worker process per CPU this process may use) for "local", else of the scheduler at `address`
    (tcp://host:8786)."""
    from distributed import Client, LocalCluster

    from .checker import available_cpus

    if address != LOCAL:
        with Client(address) as client:
            yield client
        return
    with LocalCluster(n_workers=available_cpus(), threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


__all__ = [
    "FINDING_COLUMNS",
    "RecordCheck",
    "check_bag",
    "check_dataframe",
    "check_shard",
    "check_shards",
    "client_for",
    "finding_rows",
    "shard_urls",
]

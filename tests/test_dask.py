"""factcheck on a real Dask cluster (a distributed LocalCluster of two worker processes): shards of JSON
Lines and Parquet, a bag and a dataframe of records, and `check --dask`, each giving the findings of a
serial run. Skipped without the dask extra."""
import json
import pickle
import subprocess
import sys

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from factcheck import Checker  # noqa: E402
from factcheck.cli import main  # noqa: E402
from factcheck.dask import RecordCheck, check_bag, check_dataframe, check_shard, check_shards, finding_rows, shard_urls  # noqa: E402

TEXTS = ("Rapat digelar pada Senin (7/12/2021), kata juru bicara kantor itu.",
         "Pasar baru itu dibuka untuk umum pada Selasa (7/12/2021) pagi.",
         "Gedung itu akan dibuka pada awal 2020, kata pengelola pada Rabu (8/12/2021).",
         "The bridge was opened on Monday, December 7, 2021, the mayor said.")


def records(n: int, shard: int) -> list[dict]:
    out = [{"id": f"s{shard}-{i}", "text": f"{TEXTS[(i + shard) % 4]} Berita nomor {i}.", "published": "2021-12-08"}
           for i in range(n)]
    out[1] = {"id": f"s{shard}-kosong", "text": ""}  # an input error, reported as a row
    return out


@pytest.fixture(scope="module")
def client():
    with (distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=":0") as cluster,
          distributed.Client(cluster) as c):
        yield c


@pytest.fixture
def shards(tmp_path):
    folder = tmp_path / "shards"
    folder.mkdir()
    for s in range(3):
        (folder / f"part{s}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records(8, s)), encoding="utf-8")
    return folder


def serial_rows(paths) -> list[dict]:
    return [row for f in Checker().check_paths(paths).files for row in finding_rows(f)]


def test_the_per_record_check_pickles_and_is_the_serial_check():
    check = pickle.loads(pickle.dumps(RecordCheck()))
    record = {"id": "x", "text": TEXTS[0], "published": "2021-12-08"}
    assert check(record, "a#x") == Checker().check_record(record, "a#x")
    assert [x.rule for x in check(record, "a#x").findings] == ["temporal.weekday-mismatch"]


def test_shards_on_the_cluster_give_the_serial_findings(client, shards, tmp_path):
    urls = shard_urls([str(shards)])
    assert urls == [str(shards / f"part{s}.jsonl") for s in range(3)]
    tally = check_shards(urls, str(tmp_path / "out"), client=client)
    rows = [r for s in range(3) for r in pq.read_table(tmp_path / "out" / f"part-{s:05d}.parquet").to_pylist()]
    expected = serial_rows([shards])
    assert rows == expected and len(rows) > 6 and sum(1 for r in rows if r["error"]) == 3
    summary = json.loads((tmp_path / "out" / "_summary.json").read_text(encoding="utf-8"))
    assert summary == json.loads(Checker().check_paths([shards]).summary.model_dump_json())
    assert tally.files == 24 and tally.worst == "warning"


def test_parquet_shards_give_the_findings_of_the_same_records_in_json_lines(client, shards, tmp_path):
    for s in range(3):
        pq.write_table(pa.Table.from_pylist(records(8, s)), tmp_path / f"part{s}.parquet")
    check_shards(shard_urls([str(tmp_path / "*.parquet")]), str(tmp_path / "out"), suffix=".jsonl", client=client)
    rows = [json.loads(line) for s in range(3)
            for line in (tmp_path / "out" / f"part-{s:05d}.jsonl").read_text(encoding="utf-8").splitlines()]
    def by_id(rows):  # the same records, named after another file
        return [{**r, "article": r["article"].split("#")[1], "error": r["error"] and r["error"].split("#")[1]}
                for r in rows]

    assert by_id(rows) == by_id(serial_rows([shards]))
    assert rows[0]["article"].startswith(str(tmp_path / "part0.parquet#"))


def test_a_shard_at_an_fsspec_url_is_named_by_its_url(shards, tmp_path):
    import fsspec

    fs = fsspec.filesystem("memory")  # an fsspec filesystem that is not the local disk, without a network
    for s in range(2):
        fs.pipe(f"/archive/part{s}.jsonl", (shards / f"part{s}.jsonl").read_bytes())
    urls = shard_urls(["memory://archive/*.jsonl"])
    folder = fs.unstrip_protocol("/archive")  # as fsspec spells the folder's URL
    assert urls == [f"{folder}/part0.jsonl", f"{folder}/part1.jsonl"]
    tally = check_shard(urls[0], str(tmp_path / "part.jsonl"), RecordCheck())
    rows = [json.loads(line) for line in (tmp_path / "part.jsonl").read_text(encoding="utf-8").splitlines()]
    local = serial_rows([shards / "part0.jsonl"])
    assert [r["article"] for r in rows] == [r["article"].replace(str(shards), folder) for r in local]
    assert [r["rule"] for r in rows] == [r["rule"] for r in local] and tally.files == 8


def test_a_bag_and_a_dataframe_of_records(client):
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    batch = records(10, 0) + records(10, 1)

    def expected(where):
        return [row for r in batch for row in finding_rows(Checker().check_record(r, f"{where}#{r['id']}"))]

    assert check_bag(db.from_sequence(batch, npartitions=3)).compute(scheduler=client.get) == expected("bag")
    frame = check_dataframe(dd.from_pandas(pd.DataFrame(batch), npartitions=2)).compute(scheduler=client.get)
    got = [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]
    assert got == expected("dataframe") and len(got) > 10


def test_check_with_dask_on_an_existing_cluster(client, shards, tmp_path, capsys):
    out = tmp_path / "temuan"
    status = main(["check", str(shards), "--dask", client.scheduler.address, "--output", str(out)])
    assert status == 2  # the records without text
    line = capsys.readouterr().out
    assert line.startswith("24 files checked:") and "3 could not be read" in line and str(out) in line
    assert len(pq.read_table(out).to_pylist()) == len(serial_rows([shards]))


def test_check_with_dask_says_what_it_needs(shards, capsys):
    assert main(["check", str(shards), "--dask", "--output", "a", "--output", "b"]) == 2
    assert "--output DIR" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["check", "--dask", str(shards)])
    assert "not a scheduler address" in capsys.readouterr().err


def test_checking_loads_nothing_of_the_extra():
    code = ("import datetime, sys; from factcheck import Checker; "
            "Checker().check_text('Rapat pada Senin (7/12/2021).', published=datetime.date(2021, 12, 6), lang='id'); "
            "print(sorted(m for m in ('dask', 'distributed', 'pyarrow', 'fsspec', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_long_lived_worker_keeps_the_checkers_of_its_last_runs_only():
    from factcheck import dask as fdask

    checker = Checker()
    runs = [RecordCheck(checker) for _ in range(fdask.KEPT_CHECKERS + 3)]
    for run in runs:
        run.worker_checker()
    assert len(fdask._CHECKERS) <= fdask.KEPT_CHECKERS
    assert runs[0].key not in fdask._CHECKERS and runs[-1].key in fdask._CHECKERS
    kept = runs[-1].worker_checker()
    assert pickle.loads(pickle.dumps(runs[-1])).worker_checker() is kept  # a task of the same run reuses it

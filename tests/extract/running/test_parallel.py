import importlib.util
import io
from pathlib import Path

import pytest

from extract.cli import main
from extract.running.output import mentions_path

REPO = Path(__file__).resolve().parents[3]


def build_corpus(directory: Path, megabytes: float, seed: int) -> None:
    """bench/corpus.py's generator, loaded without putting bench/ on the import path (its
    scripts would shadow packages, also in the cluster's worker processes)."""
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build_corpus(directory, megabytes, seed)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 40 generated articles, one with broken front matter, and a binary file."""
    directory = tmp_path_factory.mktemp("corpus")
    build_corpus(directory, 0.08, seed=7)
    (directory / "article-000005.md").write_text("---\ntitle: x\n", encoding="utf-8")
    (directory / "zz-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    return directory


def extract(*args: str) -> tuple[int, str]:
    stderr = io.StringIO()
    return main(list(args), stderr=stderr), stderr.getvalue()


def test_output_and_messages_are_the_same_whatever_the_number_of_workers(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("extract.merging.planner.PARALLEL_SWEEP_MIN", 0)  # the merge in workers too
    runs = {}
    for workers in ("1", "2", "3"):
        out = tmp_path / f"events-{workers}.csv"
        runs[workers] = (*extract(str(corpus), "-o", str(out), "--workers", workers), out)
    status, stderr, out = runs["1"]
    assert status == 1
    assert "article-000005.md: unclosed front matter" in stderr
    assert "zz-binary.txt: binary file" in stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) > 100
    for other_status, other_stderr, other_out in (runs["2"], runs["3"]):
        other_stderr = other_stderr.replace(str(mentions_path(other_out)), str(mentions_path(out)))
        assert (other_status, other_stderr.replace(str(other_out), str(out))) == (status, stderr)
        assert other_out.read_bytes() == out.read_bytes()
        assert mentions_path(other_out).read_bytes() == mentions_path(out).read_bytes()


def test_strict_with_workers_stops_and_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    status, stderr = extract(str(corpus), "-o", str(out), "--workers", "2", "--strict")
    assert status == 1
    assert "article-000005.md: unclosed front matter" in stderr
    assert "stopped (--strict)" in stderr
    assert not out.exists()


def test_workers_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        extract(str(tmp_path), "-o", str(tmp_path / "x.csv"), "--workers", "0")
    assert exit_info.value.code == 2


def test_dask_cluster_gives_the_local_output(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local.csv"
    remote = tmp_path / "remote.csv"
    local_status, local_stderr = extract(str(corpus), "-o", str(local), "--workers", "1")
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        status, stderr = extract(str(corpus), "-o", str(remote), "--dask", address)
    assert status == local_status
    stderr = stderr.replace(str(mentions_path(remote)), str(mentions_path(local)))
    assert stderr.replace(str(remote), str(local)) == local_stderr
    assert remote.read_bytes() == local.read_bytes()
    assert mentions_path(remote).read_bytes() == mentions_path(local).read_bytes()

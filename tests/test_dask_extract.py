"""Extraction on a local Dask cluster writes the same store as `claimtrack extract`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimtrack.extract import run
from claimtrack.store import Store

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def comparable(store: Path) -> dict:
    return {d.id: d.model_dump(exclude={"extracted_at"}) for d in Store(store).documents()}


@pytest.mark.slow
def test_scale_dask_store_equals_cli_store(tmp_path, monkeypatch):
    from claimtrack.dask_extract import extract_bag, total

    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "corpus")
    (Path("corpus") / "extra.txt").write_text(
        'The council said 40 homes were flooded. "We need help," Mayor Ann Lee said.',
        encoding="utf-8",
    )
    run(["corpus"], Store("cli-store"))

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        summaries = extract_bag(["corpus"], "dask-store", partition_size=2).compute()
        assert len(client.scheduler_info()["workers"]) == 2
    summary = total(summaries)
    assert summary.articles == 5 and not summary.skipped
    assert len(summaries) == 3  # 5 files in partitions of 2
    assert comparable(Path("dask-store")) == comparable(Path("cli-store"))

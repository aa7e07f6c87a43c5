"""Several editors at once, and crashes in the middle of a save.

Writers are separate processes (multiprocessing, fork), each logging in for
itself, as two Streamlit servers or two sessions would. A barrier makes them
load the same revision and then save at the same moment.
"""

import errno
import json
import multiprocessing
import os
import signal
import time

import pytest
from shapely.geometry import Point

from geo.access import files
from geo.curation import BASE_REVISION, CurationStore
from geo.errors import ConflictError, CurationError
from geo.gazetteer import load_gazetteer
from testkit.curation import login

CTX = multiprocessing.get_context("fork")


@pytest.fixture
def places(base_gazetteer):
    return [e.id for e in base_gazetteer if e.precision == "unlocated" and e.id.startswith(("jb-", "yz-"))][:20]


def _save_after_barrier(directory, gazetteer_dir, name, place_id, lon, barrier, results):
    store = CurationStore(directory, gazetteer_dir=gazetteer_dir)
    editor = login(name)
    revision = store.revision(place_id)
    barrier.wait(timeout=30)
    try:
        change = store.save(editor, place_id, geometry=Point(lon, 29.88), precision="approximate",
                            source=f"{name}'s survey", expected_revision=revision)
        results.put((name, "saved", change.change_id))
    except ConflictError as exc:
        results.put((name, "conflict", str(exc)))


def _run_pair(store, jobs):
    barrier, results = CTX.Barrier(len(jobs)), CTX.Queue()
    procs = [CTX.Process(target=_save_after_barrier,
                         args=(store.directory, store.gazetteer_dir, name, place, lon, barrier, results))
             for name, place, lon in jobs]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    return {name: (what, detail) for name, what, detail in outcomes}


def test_two_editors_saving_different_places_both_keep_their_changes(store, places):
    outcomes = _run_pair(store, [("wang", places[0], 121.55), ("li", places[1], 121.56)])
    assert [what for what, _ in outcomes.values()] == ["saved", "saved"]
    assert store.entry(places[0])["source"] == "wang's survey"
    assert store.entry(places[1])["source"] == "li's survey"
    assert len(store.history()) == 2
    assert set(load_gazetteer(store.gazetteer_dir).get(p).precision for p in places[:2]) == {"approximate"}


def test_two_editors_saving_one_place_from_one_revision_one_wins_one_is_told_to_reload(store, places):
    outcomes = _run_pair(store, [("wang", places[0], 121.55), ("li", places[0], 121.56)])
    kinds = sorted(what for what, _ in outcomes.values())
    assert kinds == ["conflict", "saved"]
    winner = next(name for name, (what, _) in outcomes.items() if what == "saved")
    loser_message = next(detail for what, detail in outcomes.values() if what == "conflict")
    assert f"changed by {winner}" in loser_message and "reload" in loser_message
    assert store.entry(places[0])["source"] == f"{winner}'s survey"
    assert [c.editor for c in store.history()] == [winner]


def _many_saves(directory, gazetteer_dir, name, place_ids, results):
    store = CurationStore(directory, gazetteer_dir=gazetteer_dir)
    editor = login(name)
    for i, place_id in enumerate(place_ids):
        store.save(editor, place_id, geometry=Point(121.50 + i / 100, 29.88), precision="approximate",
                   source=name, expected_revision=store.revision(place_id))
    results.put(name)


def test_many_writers_at_once_lose_nothing(store, places):
    results = CTX.Queue()
    groups = [places[i::4] for i in range(4)]
    procs = [CTX.Process(target=_many_saves, args=(store.directory, store.gazetteer_dir, f"e{i}", group, results))
             for i, group in enumerate(groups)]
    for p in procs:
        p.start()
    assert sorted(results.get(timeout=120) for _ in procs) == ["e0", "e1", "e2", "e3"]
    for p in procs:
        p.join(timeout=30)
    assert store.curated_ids() == sorted(places)
    lines = (store.directory / "history.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(places) and all(json.loads(line) for line in lines)
    gazetteer = load_gazetteer(store.gazetteer_dir)
    assert all(gazetteer.get(p).located for p in places)


def _save_then_die_at(directory, gazetteer_dir, place_id, where):
    """Save, but kill the process (no clean-up at all) at one point of the write."""
    def die(*args, **kwargs):
        os._exit(9)
    if where == "history_fsync":
        os.fsync = die  # the history line is written but not yet synced
    elif where == "entries_replace":
        os.replace = die  # history complete, entries.csv about to be swapped
    store = CurationStore(directory, gazetteer_dir=gazetteer_dir)
    store.save(login(), place_id, geometry=Point(121.55, 29.88), precision="approximate", source="crash",
               expected_revision=BASE_REVISION)
    os._exit(0)


@pytest.mark.parametrize("where", ["history_fsync", "entries_replace"])
def test_a_crash_mid_save_leaves_the_old_or_the_new_state(store, places, where):
    old = store.entry(places[0])
    proc = CTX.Process(target=_save_then_die_at, args=(store.directory, store.gazetteer_dir, places[0], where))
    proc.start()
    proc.join(timeout=60)
    assert proc.exitcode == 9
    # The loader reads entries.csv as it is: always a whole file.
    assert load_gazetteer(store.gazetteer_dir).get(places[0]).precision in ("unlocated", "approximate")
    now = store.entry(places[0])
    assert now == old or now["source"] == "crash"
    # … and the store is consistent again: entries follow history, the next save works.
    assert load_gazetteer(store.gazetteer_dir).get(places[0]).source == now["source"]
    store.save(login(), places[1], geometry=Point(121.55, 29.88), precision="approximate", source="after",
               expected_revision=BASE_REVISION)
    assert store.entry(places[1])["source"] == "after"
    assert not list(store.directory.glob(".*.tmp"))  # a killed writer's temporary file is cleared


def test_a_failing_replace_in_process_keeps_the_files_whole(store, places, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(files.os, "replace", broken)
    # The history line was complete, so the change counts and the save says so ...
    change = store.save(login(), places[0], geometry=Point(121.55, 29.88), precision="approximate", source="s",
                        expected_revision=BASE_REVISION)
    monkeypatch.undo()
    assert not list(store.directory.glob(".*.tmp"))
    # ... and it is rolled forward on the next access.
    assert store.revision(places[0]) == change.change_id
    assert store.entry(places[0])["source"] == "s"
    assert load_gazetteer(store.gazetteer_dir).get(places[0]).source == "s"


def test_a_torn_history_line_is_ignored_and_cut_off_by_the_next_save(store, places):
    store.save(login(), places[0], geometry=Point(121.55, 29.88), precision="approximate", source="a",
               expected_revision=BASE_REVISION)
    history = store.directory / "history.jsonl"
    with history.open("ab") as f:
        f.write(b'{"change_id":"20990101T000000Z-torn","place_id":"' + places[1].encode())
    assert [c.source for c in store.history()] == ["a"]
    store.save(login(), places[1], geometry=Point(121.55, 29.88), precision="approximate", source="b",
               expected_revision=BASE_REVISION)
    lines = history.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["a", "b"]


def _save_forever(directory, gazetteer_dir, place_ids):
    store = CurationStore(directory, gazetteer_dir=gazetteer_dir)
    editor = login()
    i = 0
    while True:
        place_id = place_ids[i % len(place_ids)]
        store.save(editor, place_id, geometry=Point(121.50 + (i % 97) / 1000, 29.88), precision="approximate",
                   source=f"save {i}", expected_revision=store.revision(place_id))
        i += 1


def test_killing_a_busy_writer_at_random_moments_never_breaks_the_files(store, places):
    for delay in (0.15, 0.3, 0.45, 0.6, 0.75):
        proc = CTX.Process(target=_save_forever, args=(store.directory, store.gazetteer_dir, places[:3]))
        proc.start()
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(timeout=30)
        gazetteer = load_gazetteer(store.gazetteer_dir)  # entries.csv is whole
        history = store.history()                          # history parses (a torn tail is skipped)
        for place_id in places[:3]:
            if store.revision(place_id) != BASE_REVISION:
                assert store.entry(place_id) == history[[c.place_id for c in history].index(place_id)].after
        assert {c.place_id for c in history} <= set(places[:3])
        assert all(gazetteer.get(p).precision in ("unlocated", "approximate") for p in places[:3])
    assert len(store.history()) > 0


def test_two_sessions_in_one_server_process_exclude_each_other(store, places):
    """Streamlit runs sessions as threads of one process; flock still serialises them."""
    import threading

    barrier, outcomes = threading.Barrier(2), []
    editors = {"wang": login("wang"), "li": login("li")}

    def session(name):
        revision = store.revision(places[0])
        barrier.wait(timeout=30)
        try:
            store.save(editors[name], places[0], geometry=Point(121.55, 29.88), precision="approximate",
                       source=name, expected_revision=revision)
            outcomes.append("saved")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=session, args=(name,)) for name in editors]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["conflict", "saved"]
    assert len(store.history()) == 1


@pytest.mark.parametrize("errno_", [errno.ENOSPC, errno.EROFS])
@pytest.mark.parametrize("step", ["entries-write", "history-write", "history-fsync", "entries-fsync"])
def test_a_save_on_a_full_or_read_only_disk_either_happens_and_says_so_or_does_not_happen(
        store, places, monkeypatch, step, errno_):
    first = store.save(login(), places[0], geometry=Point(121.55, 29.88), precision="approximate", source="a",
                       expected_revision=BASE_REVISION)
    history = store.directory / "history.jsonl"
    before = history.read_bytes()
    import builtins
    real_open = builtins.open

    def patched_open(file, mode="r", *args, **kwargs):
        f = real_open(file, mode, *args, **kwargs)
        name = os.path.basename(str(file))
        hit = (step.startswith("history") and name == "history.jsonl") or \
              (step.startswith("entries") and name.startswith(".entries.csv"))
        if hit and ("a" in mode or "w" in mode):
            if step.endswith("write"):
                real_write = f.write

                def write(data):
                    real_write(data[: len(data) // 2])  # part of it lands, then the disk is full
                    raise OSError(errno_, os.strerror(errno_))
                f.write = write
            else:
                fileno = f.fileno()
                real_fsync = files.os.fsync

                def fsync(fd):
                    if fd == fileno:
                        raise OSError(errno_, os.strerror(errno_))
                    return real_fsync(fd)
                monkeypatch.setattr(files.os, "fsync", fsync)
        return f
    monkeypatch.setattr(builtins, "open", patched_open)
    with pytest.raises(CurationError, match="Not saved") as info:
        store.save(login(), places[0], geometry=Point(121.56, 29.89), precision="approximate", source="b",
                   expected_revision=first.change_id)
    monkeypatch.undo()
    assert "Errno" not in str(info.value) and str(store.directory) not in str(info.value)
    # Not saved means not saved: the history is as before and every reader still works.
    assert history.read_bytes() == before
    assert store.revision(places[0]) == first.change_id
    assert store.entry(places[0])["source"] == "a"
    assert load_gazetteer(store.gazetteer_dir).get(places[0]).source == "a"
    assert not list(store.directory.glob(".*.tmp"))


def test_a_save_into_a_read_only_folder_is_a_message(store, places, monkeypatch):
    real_open = files.os.open

    def read_only(path, flags, *args):
        if str(path).endswith(".lock") and flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args)
    monkeypatch.setattr(files.os, "open", read_only)
    with pytest.raises(CurationError, match="Not saved: the data folder is read-only"):
        store.save(login(), places[0], geometry=Point(121.55, 29.88), precision="approximate", source="a",
                   expected_revision=BASE_REVISION)

"""The file lock every writer of a data folder takes: a wait that runs out is a TimeoutError of its own."""

import threading

import pytest
from shapely.geometry import Point

from geo.access import files
from geo.curation import BASE_REVISION
from geo.errors import CurationError, GeoError, LockTimeout, NotWritableError


def test_a_lock_held_too_long_raises_a_timeout_error_that_is_no_curation_error(tmp_path):
    lock = tmp_path / ".lock"
    with files.locked(lock), pytest.raises(LockTimeout, match="busy.*try again") as info, \
            files.locked(lock, timeout_s=0.05):
        pass
    assert isinstance(info.value, TimeoutError) and isinstance(info.value, GeoError)
    assert not isinstance(info.value, CurationError)


def test_a_reader_waiting_behind_a_writer_times_out_the_same_way(tmp_path):
    lock = tmp_path / ".lock"
    with files.locked(lock), pytest.raises(LockTimeout), files.locked(lock, shared=True, timeout_s=0.05):
        pass


def test_the_wait_follows_the_module_setting_at_the_time_of_the_call(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "LOCK_TIMEOUT_S", 0.05)
    lock = tmp_path / ".lock"
    with files.locked(lock), pytest.raises(LockTimeout, match="for 0 s"), files.locked(lock):
        pass


def test_the_lock_is_free_again_after_the_block(tmp_path):
    lock = tmp_path / ".lock"
    with files.locked(lock):
        pass
    with files.locked(lock, timeout_s=0.05):
        pass


def test_a_lock_another_thread_holds_is_waited_for_not_broken(tmp_path):
    lock = tmp_path / ".lock"
    held, release = threading.Event(), threading.Event()

    def holder():
        with files.locked(lock):
            held.set()
            release.wait(5)
    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    with pytest.raises(LockTimeout), files.locked(lock, timeout_s=0.05):
        pass
    release.set()
    thread.join(5)
    with files.locked(lock, timeout_s=1.0):
        pass


def test_a_folder_that_cannot_take_the_lock_file_is_not_writable_not_a_timeout(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(NotWritableError, match="Not saved") as info, files.locked(blocker / "sub" / ".lock"):
        pass
    assert isinstance(info.value, OSError) and not isinstance(info.value, TimeoutError)


def test_a_save_waiting_too_long_for_the_curation_lock_is_a_timeout_and_changes_nothing(store, editor, monkeypatch):
    monkeypatch.setattr(files, "LOCK_TIMEOUT_S", 0.05)
    place = "jb-ningbo-wenchuang-port"
    before = store.history_path.read_bytes() if store.history_path.exists() else b""
    with files.locked(store.directory / ".lock"), pytest.raises(LockTimeout) as info:
        store.save(editor, place, geometry=Point(121.556, 29.889), precision="approximate",
                   source="test", expected_revision=BASE_REVISION)
    assert not isinstance(info.value, CurationError)
    assert (store.history_path.read_bytes() if store.history_path.exists() else b"") == before

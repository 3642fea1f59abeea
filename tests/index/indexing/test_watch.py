"""Live folders: files saved, changed and deleted in a watched folder reach the index by themselves.

Real watchdog observers (inotify here), real folders and indexes; times are measured and printed.
"""

from __future__ import annotations

import errno
import logging
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from index.indexing.update import update_index
from index.indexing.watch import (
    Watcher,
    WatchEvent,
    WatchUpdate,
    file_system_of,
    network_drive_reason,
    watch_failure_reason,
    watch_limit_reason,
)
from tests.conftest import count_hits, run_lock_held, write_corpus

QUICK = 0.3  # debounce for tests that are not about the 2 s default


def until(check: Callable[[], bool], timeout: float) -> float:
    """Seconds until `check()` held; fails after `timeout`."""
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < timeout, f"not within {timeout} s"
        time.sleep(0.05)
    return time.monotonic() - start


class Watching:
    """A started watcher over `corpus`, and what it told."""

    def __init__(self, index_dir: Path, roots: list[Path], **options: float) -> None:
        self.updates: list[WatchUpdate] = []
        self.index_dir = index_dir
        self.watcher = Watcher(index_dir, roots, on_update=self.updates.append, **options)  # type: ignore[arg-type]
        self.watcher.start()

    def kinds(self) -> list[WatchEvent]:
        return [update.kind for update in self.updates]

    def told(self, kind: WatchEvent) -> list[WatchUpdate]:
        return [update for update in self.updates if update.kind is kind]

    def started(self) -> None:
        until(lambda: WatchEvent.RESCAN in self.kinds(), 30)


@pytest.fixture
def watching(tmp_path: Path) -> Iterator[Callable[..., Watching]]:
    made: list[Watching] = []

    def start(roots: list[Path], **options: float) -> Watching:
        made.append(Watching(tmp_path / "idx", roots, **options))
        return made[-1]

    yield start
    for each in made:
        each.watcher.stop()


def test_a_saved_file_is_searchable_within_5_seconds(
    tmp_path: Path, watching: Callable[..., Watching]
) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n"})
    live = watching([corpus])  # the real 2 s debounce
    live.started()
    saved = time.monotonic()
    (corpus / "b.txt").write_text("B\nThành phố Đà Nẵng\n", encoding="utf-8")
    latency = until(lambda: count_hits(live.index_dir, "da nang") == 1, 5.0)
    print(f"saved -> searchable: {time.monotonic() - saved:.2f} s")
    assert latency < 5.0
    until(lambda: bool(live.told(WatchEvent.UPDATE)), 1.0)  # told just after the commit
    lines = [update.describe() for update in live.told(WatchEvent.UPDATE)]
    assert lines == [f"updated 1, removed 0: {corpus / 'b.txt'}"], live.updates


def test_a_changed_file_is_found_by_its_new_words_and_a_deleted_one_disappears(
    tmp_path: Path, watching: Callable[..., Watching]
) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n", "b.txt": "B\nCần Thơ\n"})
    live = watching([corpus], debounce=QUICK)
    live.started()
    (corpus / "a.txt").write_text("A\nHuế mộng mơ\n", encoding="utf-8")
    until(lambda: count_hits(live.index_dir, "hue mong mo") == 1, 5.0)
    assert count_hits(live.index_dir, "ha noi") == 0
    (corpus / "b.txt").unlink()
    until(lambda: count_hits(live.index_dir, "can tho") == 0, 5.0)
    until(lambda: live.told(WatchEvent.UPDATE)[-1].removed == (str(corpus / "b.txt"),), 1.0)
    shutil.rmtree(corpus)  # the watched folder itself goes: it is rescanned from now on
    until(lambda: str(corpus) in live.watcher.fallback, 5.0)
    assert live.watcher.running


def test_a_burst_of_200_files_is_committed_in_a_few_batches(
    tmp_path: Path, watching: Callable[..., Watching]
) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n"})
    live = watching([corpus])
    live.started()
    for n in range(200):
        (corpus / f"bai{n:03d}.txt").write_text(f"Bài {n}\nTin kinh tế số {n}\n", encoding="utf-8")
    until(lambda: count_hits(live.index_dir, "kinh te") == 200, 15.0)
    # The commit is searchable a moment before the watcher counts it and tells of it.
    until(lambda: sum(len(done.indexed) for done in live.told(WatchEvent.UPDATE)) == 200, 5.0)
    print(f"200 files: {live.watcher.batches} commits")
    assert 1 <= live.watcher.batches <= 10  # a few commits, never one per file (a busy CI)
    assert sum(len(update.indexed) for update in live.told(WatchEvent.UPDATE)) == 200


def test_a_folder_that_cannot_be_watched_is_rescanned_instead(
    tmp_path: Path, watching: Callable[..., Watching]
) -> None:
    """The folder is not there when watching starts (an unplugged drive): watchdog's
    inotify_add_watch raises a real OSError (ENOENT), and the watcher falls back."""
    gone = tmp_path / "usb"
    live = watching([gone], debounce=QUICK, rescan_every=0.5)
    live.started()
    (fallback,) = live.told(WatchEvent.FALLBACK)
    assert fallback.folders == (str(gone),) and "No such file" in fallback.reason
    assert fallback.describe().startswith(f"cannot watch {gone}: ")
    write_corpus(gone, {"a.txt": "A\nVũng Tàu\n"})  # plugged back in
    until(lambda: count_hits(live.index_dir, "vung tau") == 1, 5.0)


def test_watch_limits_are_told_in_words() -> None:
    reason = watch_failure_reason(OSError(errno.ENOSPC, "inotify watch limit reached"))
    assert "limit on watched folders" in reason and "max_user_watches" in reason
    assert "max_user_instances" in watch_failure_reason(OSError(errno.EMFILE, "limit"))


def test_more_folders_than_the_watch_limit_fall_back(tmp_path: Path) -> None:
    for name in "abcde":
        (tmp_path / "tree" / name).mkdir(parents=True)
    (tmp_path / "limit").write_text("3\n")
    assert "max_user_watches" in watch_limit_reason(str(tmp_path / "tree"), str(tmp_path / "limit"))
    (tmp_path / "limit").write_text("100\n")
    assert watch_limit_reason(str(tmp_path / "tree"), str(tmp_path / "limit")) == ""


def test_a_network_drive_is_rescanned(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "server:/export /mnt/bao\\040chi nfs4 rw 0 0\n"
        "//nas/share /mnt/nas cifs rw 0 0\n"
    )
    reason = network_drive_reason("/mnt/bao chi/2024", str(mounts))
    assert reason == "it is on a network drive (nfs4)"
    assert "cifs" in network_drive_reason("/mnt/nas", str(mounts))
    assert network_drive_reason("/home/an", str(mounts)) == ""
    assert file_system_of("/mnt/nasty", str(mounts)) == "ext4"
    assert network_drive_reason(str(tmp_path)) == ""  # this machine's own table


def test_lost_events_ask_for_a_rescan(tmp_path: Path, watching: Callable[..., Watching]) -> None:
    """watchdog reports an inotify queue overflow only through its logger; the line it logs
    (inotify_c.InotifyFD.handle_event) is sent here through that same logger."""
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n"})
    live = watching([corpus], debounce=QUICK)
    live.started()
    logging.getLogger("watchdog.observers.inotify_c").warning(
        "Inotify queue overflowed; filesystem events were lost"
    )
    until(lambda: len(live.told(WatchEvent.RESCAN)) == 2, 5.0)
    assert "overflowed" in live.told(WatchEvent.RESCAN)[-1].reason


def test_waits_while_another_process_indexes_then_catches_up(
    tmp_path: Path, watching: Callable[..., Watching]
) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n"})
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir)
    live = watching([corpus], debounce=QUICK)
    live.started()
    with run_lock_held(index_dir) as holder:
        (corpus / "b.txt").write_text("B\nNha Trang\n", encoding="utf-8")
        until(lambda: WatchEvent.WAITING in live.kinds(), 5.0)
        assert count_hits(index_dir, "nha trang") == 0
        holder.kill()
    until(lambda: count_hits(index_dir, "nha trang") == 1, 5.0)
    assert WatchEvent.ERROR not in live.kinds()


def test_stop_returns_promptly_even_while_waiting_for_the_lock(
    tmp_path: Path, watching: Callable[..., Watching]
) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n"})
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir)
    live = watching([corpus], debounce=QUICK)
    live.started()
    with run_lock_held(index_dir):
        (corpus / "b.txt").write_text("B\nNha Trang\n", encoding="utf-8")
        until(lambda: WatchEvent.WAITING in live.kinds(), 5.0)
        start = time.monotonic()
        live.watcher.stop()
        took = time.monotonic() - start
    print(f"stop() took {took:.3f} s")
    assert took < 1.0 and not live.watcher.running


def test_a_paused_folder_is_left_alone_until_resumed(
    tmp_path: Path, watching: Callable[..., Watching]
) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n"})
    live = watching([corpus], debounce=QUICK)
    live.started()
    live.watcher.pause(corpus)
    (corpus / "b.txt").write_text("B\nSa Pa\n", encoding="utf-8")
    time.sleep(1.5)
    assert count_hits(live.index_dir, "sa pa") == 0
    live.watcher.resume(corpus)
    until(lambda: count_hits(live.index_dir, "sa pa") == 1, 5.0)
    (corpus / "c.txt").write_text("C\nHạ Long\n", encoding="utf-8")  # watched again
    until(lambda: count_hits(live.index_dir, "ha long") == 1, 5.0)


def test_a_folder_added_while_watching_is_indexed_and_watched(
    tmp_path: Path, watching: Callable[..., Watching]
) -> None:
    first = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n"})
    second = write_corpus(tmp_path / "d", {"b.txt": "B\nPhú Quốc\n"})
    live = watching([first], debounce=QUICK)
    live.started()
    live.watcher.add(second)
    until(lambda: count_hits(live.index_dir, "phu quoc") == 1, 5.0)
    (second / "c.txt").write_text("C\nCôn Đảo\n", encoding="utf-8")
    until(lambda: count_hits(live.index_dir, "con dao") == 1, 5.0)
    assert live.watcher.folders == sorted([str(first), str(second)])

"""The command line never destroys or hides data: inputs and old outputs survive every failure.

Each case states its exit status, checks that the inputs are intact, that an old
output is as it was, and that no traceback reaches standard error. A last test
checks that memory does not grow with the number of files of a folder.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import povertytext.cli as cli
from povertytext._export import OutputError
from povertytext.cli import main

SAMPLE = "截至2020年12月底，投入帮扶资金3000万元，带动贫困户1.82万户增收。"
OLD = '{"old": "output"}\n'
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4


def write(path: Path, text: str = SAMPLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Return the exit status (a usage error's too), standard output and standard error."""
    try:
        status = main(list(argv))
    except SystemExit as exit_info:
        status = int(str(exit_info.code))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def no_temporary_files(folder: Path) -> bool:
    return not [path for path in folder.rglob("*") if ".part" in path.name]


def test_output_onto_an_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    speech = write(tmp_path / "speech.txt")
    status, _, err = run(capsys, "parse", str(speech), "-o", str(speech))
    assert status == 2
    assert f"{speech} is an input: refusing to write over it" in err
    assert speech.read_text("utf-8") == SAMPLE


def test_table_output_onto_an_input_in_a_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    speech = write(tmp_path / "corpus" / "pairs.txt")
    argv = ["parse", str(tmp_path / "corpus"), "--table", "pairs", "--format", "csv"]
    status, _, err = run(capsys, *argv, "-o", str(speech))
    assert status == 2
    assert "refusing to write over it" in err
    assert speech.read_text("utf-8") == SAMPLE


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("missing.txt", None, id="missing"),
        pytest.param("nul.txt", b"\x00" * 4096, id="nul-bytes"),
        pytest.param("image.txt", PNG, id="png-named-txt"),
        pytest.param("image.png", PNG, id="png"),
        pytest.param("controls.txt", bytes(range(1, 32)) * 50, id="control-characters"),
    ],
)
def test_every_input_unreadable_leaves_the_old_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None
) -> None:
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    out = tmp_path / "pages.jsonl"
    out.write_text(OLD, encoding="utf-8")
    status, _, err = run(capsys, "parse", str(bad), "-o", str(out))
    assert status == 1
    assert str(bad) in err
    assert f"no input was read: {out} left as it was" in err
    assert out.read_text("utf-8") == OLD
    assert content is None or bad.read_bytes() == content
    assert no_temporary_files(tmp_path)


def test_unreadable_inputs_leave_the_old_table_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "nul.txt"
    bad.write_bytes(b"\x00" * 100)
    tables = tmp_path / "tables"
    tables.mkdir()
    for table in ("pairs", "documents"):
        (tables / f"{table}.csv").write_text("old\n", encoding="utf-8")
    argv = ["parse", str(bad), "--tables", "pairs,documents", "--output-dir", str(tables)]
    status, _, err = run(capsys, *argv)
    assert status == 1
    assert "left as it was" in err
    assert [path.read_text("utf-8") for path in sorted(tables.iterdir())] == ["old\n", "old\n"]


def test_a_good_run_replaces_the_old_output_and_keeps_its_permissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    speech = write(tmp_path / "speech.txt")
    out = tmp_path / "pages.jsonl"
    out.write_text(OLD, encoding="utf-8")
    out.chmod(0o640)
    status, _, _ = run(capsys, "parse", str(speech), "-o", str(out), "-q")
    assert status == 0
    [record] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert record["source"] == str(speech)
    assert out.stat().st_mode & 0o777 == 0o640
    assert no_temporary_files(tmp_path)


def interrupt_on_second_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the second file parsed raise KeyboardInterrupt, as Ctrl-C does."""
    real = cli._parse_one
    calls = []

    def parse_one(item: Any, vocabulary: Any) -> Any:
        calls.append(item)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(item, vocabulary)

    monkeypatch.setattr(cli, "_parse_one", parse_one)


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_interrupt_keeps_the_old_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    inputs = [write(tmp_path / "in" / f"{index}.txt") for index in range(3)]
    out = tmp_path / f"pages.{fmt}"
    out.write_text(OLD, encoding="utf-8")
    interrupt_on_second_file(monkeypatch)
    status, _, err = run(capsys, "parse", str(tmp_path / "in"), "-o", str(out))
    assert status == 130
    assert f"interrupted after 1 file: nothing written, {out} left as it was" in err
    assert out.read_text("utf-8") == OLD
    assert all(path.read_text("utf-8") == SAMPLE for path in inputs)
    assert no_temporary_files(tmp_path)


def test_interrupt_keeps_the_old_table_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for index in range(3):
        write(tmp_path / "in" / f"{index}.txt")
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "pairs.parquet").write_bytes(b"old")
    interrupt_on_second_file(monkeypatch)
    argv = ["parse", str(tmp_path / "in"), "--tables", "all", "--format", "parquet"]
    status, _, err = run(capsys, *argv, "--output-dir", str(tables))
    assert status == 130
    assert "interrupted after 1 file: nothing written" in err
    assert (tables / "pairs.parquet").read_bytes() == b"old"
    assert sorted(path.name for path in tables.iterdir()) == ["pairs.parquet"]


def test_interrupt_on_standard_output_says_what_was_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for index in range(3):
        write(tmp_path / f"{index}.txt")
    interrupt_on_second_file(monkeypatch)
    status, out, err = run(capsys, "parse", str(tmp_path))
    assert status == 130
    assert "interrupted after 1 file: the output of those written to standard output" in err
    assert len(out.splitlines()) == 1


def test_a_file_name_not_in_utf8_is_written_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"\xb7\xf6\xc6\xb6.txt")  # 扶贫 in GBK: no UTF-8
    try:
        write(folder / name)
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system takes no such name")
    out = tmp_path / "pages.jsonl"
    status, _, _ = run(capsys, "parse", str(folder), "-o", str(out), "-q")
    assert status == 0
    assert "\\udcb7\\udcf6" in out.read_text("utf-8")
    [record] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert record["source"] == str(folder / name)
    status, csv_out, _ = run(capsys, "parse", str(folder), "--table", "indicators", "-q",
                             "--format", "csv")  # fmt: skip
    assert status == 0
    assert "\\udcb7\\udcf6" in csv_out


@pytest.mark.parametrize("argv", [["--format", "json"], ["--table", "indicators", "--format",
                                                         "jsonl"]])  # fmt: skip
def test_surrogates_in_the_text_are_escaped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("扶贫\udcff资金3000万元。"))
    status, out, _ = run(capsys, "parse", "-", "-q", *argv)
    assert status == 0
    if argv[0] == "--format":  # the page holds the text
        assert json.loads(out)[0]["text"] == "扶贫\udcff资金3000万元。"
    else:
        assert [json.loads(line)["text"] for line in out.splitlines()] == ["3000万元"]


def test_an_unreadable_subfolder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = write(tmp_path / "in" / "good.txt")
    locked = tmp_path / "in" / "locked"
    write(locked / "hidden.txt")
    scandir = os.scandir

    def refusing(path: Any = ".") -> Any:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)  # as chmod 000 does, for root too
    status, out, err = run(capsys, "parse", str(tmp_path / "in"))
    assert status == 1
    assert f"cannot read folder {locked}: Permission denied" in err
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(good)]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-16-le", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_decode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], codec: str
) -> None:
    path = tmp_path / "speech.txt"
    bom = {"utf-16-be": b"\xfe\xff", "utf-16-le": b"\xff\xfe", "utf-32-be": b"\x00\x00\xfe\xff"}
    path.write_bytes(bom.get(codec, b"") + SAMPLE.encode(codec))
    status, out, _ = run(capsys, "parse", str(path), "-q")
    assert status == 0
    assert json.loads(out)["text"] == SAMPLE


def peak_memory(folder: Path, files: int, out: Path) -> int:
    """Return the peak of memory allocated while the command line parses ``files`` files."""
    for index in range(files):
        write(folder / f"{index:03}.txt", ("扶贫协作工作稳步推进。" * 1500) + SAMPLE)
    tracemalloc.start()
    try:
        assert main(["parse", str(folder), "-o", str(out), "-q"]) == 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_folder(tmp_path: Path) -> None:
    assert main(["parse", "--example", "-o", str(tmp_path / "warm.jsonl"), "-q"]) == 0
    few = peak_memory(tmp_path / "few", 4, tmp_path / "few.jsonl")
    many = peak_memory(tmp_path / "many", 16, tmp_path / "many.jsonl")
    text = 2 * len("扶贫协作工作稳步推进。" * 1500)  # bytes of one text held as str
    # holding every text would add 12 texts (and their bytes); streaming adds none
    assert many - few < 3 * text, (few, many)


@pytest.mark.parametrize("processes", ["1", "2"])
def test_files_are_read_as_they_are_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    processes: str,
) -> None:  # fmt: skip
    for index in range(30):
        write(tmp_path / "in" / f"{index:02}.txt", f"第{index}篇。" + SAMPLE)
    read, ahead = [0], [0]
    real_read, real_add = cli._read_source, cli._Summary.add

    def counted_read(source: str) -> Any:
        read[0] += 1
        return real_read(source)

    def counted_add(self: Any, page: Any) -> None:
        real_add(self, page)
        ahead[0] = max(ahead[0], read[0] - self.files)

    monkeypatch.setattr(cli, "_read_source", counted_read)
    monkeypatch.setattr(cli._Summary, "add", counted_add)
    status, out, _ = run(capsys, "parse", str(tmp_path / "in"), "--processes", processes, "-q")
    assert status == 0
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert sources == [str(tmp_path / "in" / f"{index:02}.txt") for index in range(30)]
    assert ahead[0] <= int(processes) * cli._AHEAD  # never the whole folder


def test_a_failed_write_leaves_the_old_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    speech = write(tmp_path / "speech.txt")
    out = tmp_path / "pages.jsonl"
    out.write_text(OLD, encoding="utf-8")

    def full_disk(*_: Any) -> None:
        raise OutputError(f"cannot write {out}: No space left on device")

    monkeypatch.setattr(cli, "_write_pages", full_disk)
    status, _, err = run(capsys, "parse", str(speech), "-o", str(out))
    assert status == 1
    assert f"{out} left as it was" in err
    assert f"cannot write {out}: No space left on device" in err
    assert out.read_text("utf-8") == OLD
    assert no_temporary_files(tmp_path)


def test_the_network_is_written_whole_or_not_at_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("networkx")
    bad = tmp_path / "nul.txt"
    bad.write_bytes(b"\x00" * 64)
    out = tmp_path / "edges.graphml"
    out.write_text("old", encoding="utf-8")
    status, _, err = run(capsys, "network", str(bad), "-o", str(out))
    assert status == 1
    assert f"{out} left as it was" in err
    assert out.read_text("utf-8") == "old"
    status, _, _ = run(capsys, "network", "--example", "-o", str(out), "-q")
    assert status == 0
    assert out.read_text("utf-8").startswith("<?xml")
    assert no_temporary_files(tmp_path)


def test_ctrl_c_in_a_real_run(tmp_path: Path) -> None:
    """SIGINT to the command while it waits on its input: exit 130, the old file intact."""
    import signal
    import subprocess
    import time

    out = tmp_path / "pages.jsonl"
    out.write_text(OLD, encoding="utf-8")
    # a shell that started the tests in the background ignores SIGINT, and children
    # inherit that: give the command Python's own handler, as an interactive run has
    start = (
        "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from povertytext.cli import main; sys.exit(main())"
    )
    command = [sys.executable, "-c", start, "parse", "-", "-o", str(out)]
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path
    )
    deadline = time.monotonic() + 60
    while no_temporary_files(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)  # the output staged: the command is reading standard input
    if no_temporary_files(tmp_path):
        process.kill()
        pytest.fail(f"the command did not start: {process.communicate()[1]}")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in err
    assert f"interrupted after 0 files: nothing written, {out} left as it was" in err
    assert out.read_text("utf-8") == OLD
    assert no_temporary_files(tmp_path)

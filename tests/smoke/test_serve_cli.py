"""``diffreader serve`` on the command line: what each tab runs, warnings, one-line errors.

The server itself is replaced by a recorder here (``tests/smoke/test_serve.py`` runs the
real one); nothing listens beyond this machine.
"""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from diffreader.cli import main

server_module = pytest.importorskip("textual_serve.server", reason="the serve extra is missing")

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"


class Recorder:
    """Stands in for textual-serve's ``Server``: records how it was made and served."""

    made: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, command: str, **options: Any) -> None:
        Recorder.made.append({"command": command, **options})

    def serve(self) -> None:
        Recorder.made[-1]["served"] = True


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> type[Recorder]:
    Recorder.made = []
    monkeypatch.setattr(server_module, "Server", Recorder)
    return Recorder


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_each_tab_runs_the_reader_on_the_folder(
    recorder: type[Recorder], host: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if host == "::1" and not socket.has_ipv6:
        pytest.skip("no IPv6")
    port = _free_port()
    try:
        status = main(
            ["serve", str(DEMO), "--host", host, "--port", str(port), "--data-dir", str(tmp_path)]
        )
    finally:
        err = capsys.readouterr().err
    if status == 2 and "cannot serve" in err:
        pytest.skip(f"{host} cannot be bound here: {err}")
    assert status == 0, err
    assert err == ""  # bound to this machine only: no warning
    (made,) = recorder.made
    assert made["served"] and made["host"] == host and made["port"] == port
    assert shlex.split(made["command"]) == [
        sys.executable,
        "-m",
        "diffreader",
        "--data-dir",
        str(tmp_path),
        str(DEMO),
    ]
    expected = f"[{host}]" if ":" in host else host
    assert made["public_url"] == f"http://{expected}:{port}"


def test_another_address_gets_a_warning_that_there_is_no_login(
    recorder: type[Recorder], capsys: pytest.CaptureFixture[str]
) -> None:
    # 192.0.2.1 is reserved for documentation: no machine has it, so binding fails here,
    # after the warning, and nothing is ever sent anywhere.
    status = main(["serve", str(DEMO), "--host", "192.0.2.1", "--port", str(_free_port())])
    lines = capsys.readouterr().err.splitlines()
    assert status == 2
    assert len(lines) == 2, lines
    assert "no login" in lines[0] and "192.0.2.1" in lines[0]
    assert lines[1].startswith("diffreader: cannot serve on 192.0.2.1:")
    assert recorder.made == []


def test_a_taken_port_is_one_line_before_any_banner(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = main(["serve", str(DEMO), "--port", str(port)])
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err.startswith(f"diffreader: cannot serve on 127.0.0.1:{port} (")
    assert len(err.splitlines()) == 1


def test_a_missing_folder_is_one_line_and_status_2(
    recorder: type[Recorder], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "/no/such/folder"]) == 2
    assert capsys.readouterr().err == "diffreader: /no/such/folder: no such folder\n"
    assert recorder.made == []


@pytest.mark.parametrize("port", ["0", "99999"])
def test_a_port_out_of_range_is_a_usage_error(
    recorder: type[Recorder], port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", str(DEMO), "--port", port])
    assert exit_info.value.code == 2
    assert "--port must be between 1 and 65535" in capsys.readouterr().err
    assert recorder.made == []


def test_without_the_extra_one_line_tells_how_to_install_it() -> None:
    code = (
        "import sys\nsys.modules['textual_serve'] = None\n"
        "from diffreader.cli import main\nraise SystemExit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "serve", str(DEMO)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        "diffreader: serving the reader needs the optional extra: pip install 'diffreader[serve]'\n"
    )


def test_the_reader_still_refuses_a_pipe_unless_textual_serve_started_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    assert main([str(DEMO)]) == 2  # pytest's stdout is no terminal
    assert "needs a terminal" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.0.2.1", False),
        ("newsroom.example", False),
    ],
)
def test_only_loopback_addresses_go_without_a_warning(host: str, loopback: bool) -> None:
    from diffreader.cli import _is_loopback

    assert _is_loopback(host) is loopback


def test_the_page_points_browsers_at_an_address_they_can_reach() -> None:
    from diffreader.cli import _public_url

    assert _public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert _public_url("::1", 8001) == "http://[::1]:8001"
    # Listening on every interface: 0.0.0.0 is no address a browser can open.
    assert _public_url("0.0.0.0", 8002) == f"http://{socket.gethostname()}:8002"

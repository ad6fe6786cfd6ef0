"""A mistake in the command line: one line naming the option, exit status 1."""

import pytest

from dx_planner.cli.usage import UsageParser


def _parser() -> UsageParser:
    parser = UsageParser(prog="tool")
    sub = parser.add_subparsers(dest="command").add_parser("run")
    sub.add_argument("--count", type=int, required=True)
    return parser


@pytest.mark.parametrize(("argv", "line"), [
    (["run"], "tool run: the following arguments are required: --count"),
    (["run", "--count", "x"], "tool run: argument --count: invalid int value: 'x'"),
    (["walk"], "tool: argument command: invalid choice: 'walk'"),
])
def test_a_mistake_is_one_line_and_exit_1(argv: list[str], line: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """(The subcommand's own parser is a UsageParser too: "tool run: ...".)"""
    with pytest.raises(SystemExit) as raised:
        _parser().parse_args(argv)
    assert raised.value.code == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(line)


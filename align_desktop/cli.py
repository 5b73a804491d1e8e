"""The `align-desktop` command line: argparse subcommands, each importing only what it uses.

Wherever a command takes a workspace PATH it also takes a team workspace's address,
`postgresql://user@host:port/database`; a password the server asks for (and PGPASSFILE does not
hold) is asked for at the terminal, and kept in memory only.

Exit codes: 0 done; 1 refused input or validation errors; 2 usage; 3 workspace in use elsewhere.
Commands that show no window import no Qt widgets.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from align_desktop.store.locations import Location
    from align_desktop.store.server import ServerAddress

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_IN_USE = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="align-desktop",
        description="Align a product roadmap with the ML platform it needs. "
        "With no command, opens the app (on PATH if given).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = commands.add_parser("new", help="create a workspace, empty or from a bundled sample")
    new.add_argument("path", type=_location, metavar="PATH")
    new.add_argument("--sample", metavar="NAME", help="bundled sample to start from (see `samples`)")

    commands.add_parser("samples", help="list the bundled samples")

    shot = commands.add_parser("screenshot", help="render every view to OUTDIR/<view>.png")
    shot.add_argument("path", type=_location, metavar="PATH")
    shot.add_argument("outdir", type=Path, metavar="OUTDIR")

    roi = commands.add_parser("roi", help="per-initiative cash flows, NPV, IRR, payback and ROI")
    roi.add_argument("path", type=_location, metavar="PATH")
    roi.add_argument(
        "--scenario",
        choices=("pessimistic", "base", "optimistic"),
        default="base",
        help="scenario multipliers to apply (default: base)",
    )
    roi.add_argument("--json", action="store_true", help="print the stable JSON document (docs/roi-json.md)")

    export = commands.add_parser("export", help="write an Excel workbook, the PDF report or a session's minutes")
    export.add_argument("kind", choices=EXPORTS, metavar="finance|executive|workbook|report|minutes")
    export.add_argument("path", type=_location, metavar="PATH")
    export.add_argument(
        "session", nargs="?", metavar="SESSION", help="minutes only: the session's key (W-001) or title"
    )
    export.add_argument("out", type=Path, metavar="OUT.xlsx|OUT.pdf")

    imports = commands.add_parser("import", help="import a workbook: preview, then apply in one transaction")
    imports.add_argument("path", type=_location, metavar="PATH")
    imports.add_argument("workbook", type=Path, metavar="IN.xlsx")
    imports.add_argument("--dry-run", action="store_true", help="list every add and change, apply nothing")

    publish = commands.add_parser("publish", help="copy a workspace file to an empty database as a team workspace")
    publish.add_argument("path", type=Path, metavar="PATH")
    publish.add_argument("address", type=_server_address, metavar="postgresql://USER@HOST:PORT/DATABASE")

    push = commands.add_parser(
        "push", help="push the changes of a downloaded copy back to its team workspace, after a preview"
    )
    push.add_argument("path", type=Path, metavar="COPY.align")
    push.add_argument("--dry-run", action="store_true", help="print what would change, and change nothing")
    push.add_argument(
        "--conflicts",
        choices=("theirs", "mine"),
        help="where both sides changed an item: keep the team workspace's values (theirs) or the copy's (mine)",
    )
    push.set_defaults(team=None)
    download = commands.add_parser("download", help="copy a team workspace into a new workspace file")
    download.add_argument("path", type=_server_address, metavar="postgresql://USER@HOST:PORT/DATABASE")
    download.add_argument("out", type=Path, metavar="NEW.align")

    check = commands.add_parser("check", help="integrity and consistency report")
    check.add_argument("path", type=_location, metavar="PATH")
    check.add_argument(
        "--rescue", type=Path, metavar="NEW.align", help="copy what can be read of a damaged PATH into a new workspace"
    )
    return parser


def _location(text: str) -> Location:
    """A PATH argument: a workspace file, or a team workspace's `postgresql://` address."""
    from align_desktop.store.errors import WorkspaceError
    from align_desktop.store.locations import parse_location

    try:
        return parse_location(text)
    except WorkspaceError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _server_address(text: str) -> ServerAddress:
    """A team workspace's `postgresql://` address."""
    from align_desktop.store.errors import WorkspaceError
    from align_desktop.store.server import ServerAddress

    try:
        return ServerAddress.parse(text)
    except WorkspaceError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and not args_list[0].startswith("-") and args_list[0] not in _COMMANDS:
        from align_desktop.store.errors import WorkspaceError
        from align_desktop.store.locations import parse_location

        try:
            location = parse_location(args_list[0])
        except WorkspaceError as exc:
            print(f"align-desktop: {exc}", file=sys.stderr)
            return EXIT_USAGE
        return _open_gui(location, args_list[1:])
    parser = _parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        return _open_gui(None, [])
    handler = _COMMANDS[args.command]
    from align_desktop.domain.validation import ValidationError
    from align_desktop.store.errors import WorkspaceError
    from align_desktop.store.lock import WorkspaceInUse
    from align_desktop.store.server import PasswordNeeded

    try:
        try:
            return handler(args)
        except PasswordNeeded as needed:
            if not sys.stdin.isatty():
                raise
            import getpass

            typed = needed.address.with_password(getpass.getpass(f"{needed} Password: "))
            for name, value in vars(args).items():
                if value == needed.address:  # the argument naming that server (addresses compare without passwords)
                    setattr(args, name, typed)
            return handler(args)
    except PasswordNeeded as exc:
        print(
            f"align-desktop: {exc} Put it in your PGPASSFILE (see `man libpq`), or run this in a terminal.",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    except WorkspaceInUse as exc:
        print(f"align-desktop: {exc}", file=sys.stderr)
        return EXIT_IN_USE
    except (WorkspaceError, ValidationError) as exc:
        print(f"align-desktop: {exc}", file=sys.stderr)
        return EXIT_REFUSED


def _open_gui(path: Location | None, rest: list[str]) -> int:
    if rest:
        print(f"align-desktop: unexpected arguments: {' '.join(rest)}", file=sys.stderr)
        return EXIT_USAGE
    from align_desktop.ui.app import run_app

    return run_app(path)


def _new(args: argparse.Namespace) -> int:
    from align_desktop.store.locations import create_location

    if args.sample:
        from align_desktop.store.samples import create_from_sample

        workspace = create_from_sample(args.path, args.sample)
    else:
        workspace = create_location(args.path)
    workspace.close()
    print(f"Created {args.path}" + (f" from sample '{args.sample}'" if args.sample else ""))
    return EXIT_OK


def _samples(_args: argparse.Namespace) -> int:
    from align_desktop.store.samples import list_samples

    for sample in list_samples():
        print(f"{sample.name}\t{sample.description}")
    return EXIT_OK


def _screenshot(args: argparse.Namespace) -> int:
    from align_desktop.ui.screenshot import render_views

    for written in render_views(args.path, args.outdir):
        print(written)
    return EXIT_OK


def _roi(args: argparse.Namespace) -> int:
    from align_desktop.exchange.roi_document import build_report, render_text
    from align_desktop.store.reading import read_case_summaries

    report = build_report(read_case_summaries(args.path), args.scenario)
    if args.json:
        import json

        sys.stdout.write(json.dumps(report) + "\n")
    else:
        sys.stdout.write(render_text(report))
    return EXIT_OK


EXPORTS = ("finance", "executive", "workbook", "report", "minutes")


def _export(args: argparse.Namespace) -> int:
    if (args.kind == "minutes") != (args.session is not None):
        usage = "minutes PATH SESSION OUT.pdf|OUT.xlsx" if args.kind == "minutes" else f"{args.kind} PATH OUT"
        print(f"align-desktop: usage: align-desktop export {usage}", file=sys.stderr)
        return EXIT_USAGE
    if args.kind == "minutes":
        _export_minutes(args.path, args.session, args.out)
    elif args.kind == "report":
        from align_desktop.reports.pdf_report import export_report

        export_report(args.path, args.out)
    else:
        from align_desktop.exchange.exports import export

        export(args.kind, args.path, args.out)
    print(f"Wrote {args.out}")
    return EXIT_OK


def _export_minutes(path: Location, session: str, out: Path) -> None:
    """The minutes of a session as a PDF or a workbook, by the suffix of `out`."""
    from align_desktop.store.minutes import minutes_format

    if minutes_format(out) == "xlsx":
        from align_desktop.exchange.minutes_workbook import export_minutes_workbook

        export_minutes_workbook(path, session, out)
    else:
        from align_desktop.reports.minutes_pdf import export_minutes_pdf

        export_minutes_pdf(path, session, out)


def _import(args: argparse.Namespace) -> int:
    from align_desktop.exchange.importer import apply_plan, plan_import

    plan = plan_import(args.path, args.workbook)
    for error in plan.errors:
        print(error, file=sys.stderr)
    if plan.errors:
        print(f"align-desktop: nothing imported: {len(plan.errors)} error(s) in {args.workbook}", file=sys.stderr)
        return EXIT_REFUSED
    for line in plan.preview:
        print(line)
    if args.dry_run:
        print(f"Dry run: {plan.summary}; nothing was changed.")
        return EXIT_OK
    backup = apply_plan(args.path, plan)
    print(f"Imported: {plan.summary}. The workspace before the import is kept in {backup}.")
    return EXIT_OK


def _push(args: argparse.Namespace) -> int:
    from align_desktop.domain.push import preview_lines
    from align_desktop.store.push import plan_push, push
    from align_desktop.store.team_origin import origin_of
    from align_desktop.store.workspace import Workspace

    copy = Workspace.open(args.path, read_only=args.dry_run)
    try:
        origin = origin_of(copy)
        if args.team is None and origin is not None:
            args.team = origin.address  # where `main` puts the address with a typed password, to run this again
        plan = plan_push(copy, args.team)
        print(f"Pushing {args.path} to {plan.origin}, downloaded {plan.downloaded_at:%Y-%m-%d %H:%M} UTC:")
        for line in preview_lines(plan):
            print(line)
        summary = f"{len(plan.changes)} change(s), {len(plan.conflicts)} conflict(s)"
        if plan.empty:
            print("Nothing to push: the team workspace holds every change of the copy.")
            return EXIT_OK
        if args.dry_run:
            print(f"Dry run: {summary}; nothing was pushed.")
            return EXIT_OK
        if plan.conflicts and args.conflicts is None:
            print(
                f"align-desktop: nothing pushed: {len(plan.conflicts)} conflict(s). Push again with "
                "--conflicts theirs (keep the team workspace's values) or --conflicts mine (the copy's).",
                file=sys.stderr,
            )
            return EXIT_REFUSED
        result = push(copy, args.team, plan, plan.conflicts if args.conflicts == "mine" else ())
    finally:
        copy.close()
    print(
        f"Pushed {result.pushed} change(s) to {plan.origin}; the team's values were kept in "
        f"{result.kept_theirs} conflict(s). This copy cannot be pushed again: download a new one for the next "
        "offline workshop."
    )
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from align_desktop.store.check import check_workspace

    if args.rescue is not None:
        if not isinstance(args.path, Path):
            print(
                "align-desktop: --rescue reads a damaged workspace file; a server keeps its database whole.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        return _rescue(args.path, args.rescue)
    findings = check_workspace(args.path)
    for finding in findings:
        print(finding, file=sys.stderr)
    if findings:
        print(
            f"To copy what can be read into a new, sound workspace: align-desktop check {args.path} --rescue NEW.align",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    print(f"{args.path}: no problems found")
    return EXIT_OK


def _publish(args: argparse.Namespace) -> int:
    from align_desktop.store.transfer import publish

    publish(args.path, args.address)
    print(f"Published {args.path} as the team workspace {args.address}")
    return EXIT_OK


def _download(args: argparse.Namespace) -> int:
    from align_desktop.store.transfer import download

    download(args.path, args.out)
    print(f"Downloaded the team workspace {args.path} into {args.out}")
    return EXIT_OK


def _rescue(damaged: Path, target: Path) -> int:
    from align_desktop.store.rescue import rescue

    notes = rescue(damaged, target)
    for note in notes:
        print(note)
    print(f"Rescued {damaged} into {target}" + ("; nothing was lost." if not notes else "."))
    return EXIT_OK


_COMMANDS = {
    "new": _new,
    "samples": _samples,
    "screenshot": _screenshot,
    "roi": _roi,
    "export": _export,
    "import": _import,
    "check": _check,
    "publish": _publish,
    "download": _download,
    "push": _push,
}

#!/usr/bin/python3
"""Runs the libFuzzer targets of tests/fuzz/ (built into build/fuzz/ by
`make fuzz-targets`). For each target: first every input kept in
tests/fuzz/regressions/TARGET/ (each one crashed the target once; it
must not any more), then fuzzing for a number of seconds from the
committed corpus tests/fuzz/corpus/TARGET plus what earlier runs found
(build/fuzz/corpus/TARGET). A crash is saved under build/fuzz/crashes/.

    scripts/fuzz.py [--seconds N] [--seed S] [TARGET...]     (make fuzz)

run_tests.py runs the same as its "fuzz" group, a few seconds a target
with a fixed seed, so that a run can be repeated.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import ktap
from ktap import Case, FAIL, PASS

ROOT = Path(__file__).resolve().parent.parent
FUZZ_DIR = ROOT / 'tests' / 'fuzz'
UNITS_RE = re.compile(r'stat::number_of_executed_units: (\d+)')
CRASH_RE = re.compile(r'Test unit written to (\S+)')
DIAG_LINES = 40


def targets():
    return sorted(p.stem[len('fuzz_'):] for p in FUZZ_DIR.glob('fuzz_*.c'))


def rel(path):
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _tail(text):
    return text.rstrip().split('\n')[-DIAG_LINES:]


def run_target(name, seconds, seed, build):
    """The cases of one target: its regressions replayed, then a timed run."""
    binary = build / 'fuzz' / f'fuzz_{name}'
    if not binary.is_file():
        return [Case(f'fuzz {name}: {rel(binary)} not built (run make fuzz-targets)', FAIL)], ''
    cases, log = [], []
    regressions = sorted(p for p in (FUZZ_DIR / 'regressions' / name).glob('*') if p.is_file())
    if regressions:
        p = subprocess.run([str(binary), *map(str, regressions)], capture_output=True,
                           text=True, errors='replace', timeout=300)
        log.append(p.stdout + p.stderr)
        cases.append(Case(f'fuzz {name}: {len(regressions)} regression inputs replayed',
                          PASS if p.returncode == 0 else FAIL,
                          [] if p.returncode == 0 else _tail(p.stdout + p.stderr)))
    corpus = build / 'fuzz' / 'corpus' / name
    crashes = build / 'fuzz' / 'crashes'
    corpus.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    # -close_fd_mask=1: the parsers' printk (a line per refused input)
    # would only slow the run; libFuzzer reports on stderr. The output goes
    # to a file: held in this process, a long run's would make every later
    # target's child start with this process's size as its peak RSS, which
    # libFuzzer then takes for running out of memory.
    argv = [str(binary), f'-max_total_time={seconds}', f'-seed={seed}',
            f'-artifact_prefix={crashes}/{name}-', '-print_final_stats=1',
            '-close_fd_mask=1', str(corpus), str(FUZZ_DIR / 'corpus' / name)]
    out_path = build / 'fuzz' / f'{name}.log'
    start = time.monotonic()
    with open(out_path, 'w') as f:
        p = subprocess.run(argv, stdout=f, stderr=subprocess.STDOUT,
                           timeout=seconds * 3 + 60)
    elapsed = time.monotonic() - start
    out = out_path.read_text(errors='replace')
    log.append('$ ' + ' '.join(rel(a) if a.startswith('/') else a for a in argv) + '\n' +
               '\n'.join(_tail(out)))
    units = UNITS_RE.search(out)
    crash = CRASH_RE.search(out)
    what = (f'{int(units.group(1)) if units else 0} inputs in {elapsed:.0f} s, seed {seed}')
    if p.returncode == 0:
        cases.append(Case(f'fuzz {name}: no crash', PASS, [what]))
    else:
        diag = [what]
        if crash:
            diag.append(f'the input is saved as {rel(crash.group(1))}; once fixed, keep it '
                        f'in {rel(FUZZ_DIR / "regressions" / name)}/')
        cases.append(Case(f'fuzz {name}: crashed', FAIL, diag + _tail(out)))
    return cases, '\n'.join(log)


def run_all(names, seconds, seed, build, say=print):
    cases = []
    for name in names:
        found, _ = run_target(name, seconds, seed, build)
        for c in found:
            say(f'{"ok  " if c.status == PASS else "FAIL"} {c.name}'
                + (f' ({c.diagnostics[0]})' if c.diagnostics else ''))
        cases += found
    return cases


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('targets', nargs='*', metavar='TARGET',
                    help='targets to run (default all: ' + ', '.join(targets()) + ')')
    ap.add_argument('--seconds', type=int, default=60, help='per target (default 60)')
    ap.add_argument('--seed', type=int, help='libFuzzer seed (default: a random one, printed)')
    ap.add_argument('--build-dir', type=Path, default=ROOT / 'build')
    args = ap.parse_args()
    unknown = [t for t in args.targets if t not in targets()]
    if unknown:
        ap.error('unknown target(s) ' + ', '.join(unknown))
    seed = args.seed if args.seed is not None else random.randrange(1, 1 << 31)
    print(f'fuzz: seed {seed}, {args.seconds} s per target')
    cases = run_all(args.targets or targets(), args.seconds, seed, args.build_dir.resolve())
    for c in cases:
        if c.status == FAIL:
            print(f'FAIL {c.name}')
            for line in c.diagnostics:
                print('    ' + line)
    passed, failed, _ = ktap.tally(cases)
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/python3
"""Parser for the KTAP (version 1) test output of Pagoda's ktest framework.

The kernel (on its console) and the host unit tests print KTAP in the layout
of Linux's KUnit: one subtest document per suite, indented 4 spaces, with a
failed case's diagnostics printed before its "not ok" line. parse() turns a
transcript into a tree of Test objects, cases() lists the leaf results and
check() reports a missing plan, missing results or bad numbering.

Console lines may carry a printk timestamp ("[    0.001234] "), which is
stripped; lines that are not KTAP are ignored for the structure but kept as
the diagnostics of the next result. Run as a program, it summarises saved
logs:  scripts/ktap.py [parse] build/test-logs/virt-1G.log
"""
import argparse
import re
import sys

PASS, FAIL, SKIP = 'pass', 'fail', 'skip'

# Lines that mean the kernel crashed: an oops, or a panic.
CRASH_MARKERS = ('Internal error:', 'Kernel panic - not syncing')

_TIMESTAMP_RE = re.compile(r'^\[\s*\d+\.\d+\] ?')
_KINDS = (
    ('version', re.compile(r'K?TAP version (\d+)$')),
    ('subtest', re.compile(r'# Subtest: ?(.*)$')),
    ('plan', re.compile(r'1\.\.(\d+)(?:\s+#.*)?$')),
    ('result', re.compile(r'(ok|not ok)\s+(\d+)(?:\s+(?:-\s+)?(.*))?$')),
)


def strip_timestamp(line):
    """The console line without its line ending and printk timestamp."""
    return _TIMESTAMP_RE.sub('', line.rstrip('\r\n'), count=1)


def clean_lines(text_or_lines):
    """Timestamp-free lines, with tabs expanded, from a string or lines."""
    if isinstance(text_or_lines, str):
        text_or_lines = text_or_lines.split('\n')
        if text_or_lines[-1] == '':
            text_or_lines.pop()
    return [strip_timestamp(line).rstrip('\r').expandtabs(8)
            for line in text_or_lines]


def find_crash(lines):
    """Index of the first oops/panic line in lines, or None."""
    for i, line in enumerate(lines):
        if any(marker in line for marker in CRASH_MARKERS):
            return i
    return None


class Test:
    """One test: its result line, the lines printed before it, and the
    subtest document (header, plan, subtests) it had, if any. The root of
    a parse is a Test with no result line whose document is the whole run."""

    def __init__(self):
        self.name = ''
        self.number = None
        self.status = None        # PASS, FAIL, SKIP; None: no result line
        self.directive = ''       # what follows '#' on the result line
        self.diagnostics = []     # lines since the previous result
        self.has_doc = False      # had a subtest document: not a leaf
        self.version = None       # from "KTAP version N"
        self.subtest_name = None  # from "# Subtest: NAME"
        self.plan = None          # N of "1..N"
        self.subtests = []
        self.trailing = []        # lines of the document after its last result
        self.found = False        # (root only) KTAP output was found

    @property
    def results(self):
        """The subtests that printed a result line."""
        return [t for t in self.subtests if t.status is not None]

    def __repr__(self):
        return f'Test({self.name!r}, {self.status}, {len(self.subtests)} subtests)'


def _classify(line):
    """(kind, indent, match) of a clean line; kind None if it is not KTAP."""
    body = line.lstrip(' ')
    indent = len(line) - len(body)
    body = body.rstrip()
    for kind, regex in _KINDS:
        match = regex.match(body)
        if match:
            return kind, indent, match
    return None, indent, None


def _dedent(line, indent):
    return line[indent:] if line[:indent].isspace() else line


class _Reader:
    def __init__(self, lines, pos):
        self.lines = lines
        self.pos = pos

    def read_document(self, doc, indent):
        """Reads the KTAP document at `indent` into doc. It ends at the end
        of input, at a KTAP line indented less (the parent's result), or at
        a header or plan that can only begin another document."""
        doc.has_doc = True
        diag = []          # lines since the previous result
        pending = None     # subtest document still waiting for its result
        started = False    # a result or subtest has been read
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            kind, ind, match = _classify(line)
            if kind is None:
                diag.append(_dedent(line, indent))
                self.pos += 1
                continue
            if ind < indent:
                break
            if ind > indent:
                # A deeper KTAP line: the subtest document of the next result.
                if pending is not None:
                    doc.subtests.append(pending)   # it never got a result
                pending = Test()
                pending.diagnostics = diag
                diag = []
                self.read_document(pending, ind)
                started = True
                continue
            if kind == 'version':
                if started or doc.version is not None or doc.plan is not None:
                    break
                doc.version = int(match.group(1))
            elif kind == 'subtest':
                if started or doc.subtest_name is not None:
                    break
                doc.subtest_name = match.group(1).strip()
            elif kind == 'plan':
                if doc.plan is not None:
                    break
                doc.plan = int(match.group(1))
            else:
                test = pending if pending is not None else Test()
                pending = None
                test.diagnostics = test.diagnostics + diag
                diag = []
                _set_result(test, match)
                doc.subtests.append(test)
                started = True
            self.pos += 1
        if pending is not None:
            doc.subtests.append(pending)
        doc.trailing = diag


def _set_result(test, match):
    ok, number, rest = match.group(1), int(match.group(2)), match.group(3) or ''
    if rest.startswith('#'):
        name, directive = '', rest[1:]
    elif ' #' in rest:
        name, directive = rest.split(' #', 1)
    else:
        name, directive = rest, ''
    test.name = name.strip() or test.subtest_name or ''
    test.number = number
    test.directive = directive.strip()
    if test.directive[:4].upper() == 'SKIP':
        test.status = SKIP
    else:
        test.status = PASS if ok == 'ok' else FAIL


def parse(text_or_lines):
    """Parses a transcript (a string or a list of lines) into a root Test.
    KTAP starts at the first "KTAP version" or "1..N" line; everything
    before it is ignored. root.found tells whether any was seen."""
    lines = clean_lines(text_or_lines)
    root = Test()
    for pos, line in enumerate(lines):
        kind, indent, _ = _classify(line)
        if kind in ('version', 'plan'):
            root.found = True
            _Reader(lines, pos).read_document(root, indent)
            break
    return root


def _full_name(path, test):
    name = test.name or test.subtest_name or f'#{test.number}'
    return f'{path}.{name}' if path else name


class Case:
    """One counted result: a name, PASS/FAIL/SKIP, and diagnostic lines."""

    def __init__(self, name, status, diagnostics=(), reason=''):
        self.name = name
        self.status = status
        self.diagnostics = list(diagnostics)
        self.reason = reason      # a skip's reason

    def __repr__(self):
        return f'Case({self.name!r}, {self.status})'


def cases(root):
    """A Case for every leaf test (a result with no subtests), named by its
    path ("suite.case"). A test that failed though none of its subtests did
    is also a failed Case, so a failure is never lost."""
    out = []

    def visit(test, path):
        for sub in test.subtests:
            name = _full_name(path, sub)
            if not sub.has_doc:
                reason = sub.directive[4:].strip() if sub.status == SKIP else ''
                out.append(Case(name, sub.status or FAIL, sub.diagnostics, reason))
                continue
            failures = sum(c.status == FAIL for c in out)
            visit(sub, name)
            if sub.status == FAIL and failures == sum(c.status == FAIL for c in out):
                out.append(Case(name, FAIL, sub.diagnostics + sub.trailing +
                                ['(failed, though none of its subtests did)']))

    visit(root, '')
    return out


def problems(root):
    """(kind, message) for each structural problem of a parsed run: kind is
    'incomplete' (results missing) or 'malformed' (numbering, plan)."""
    out = []

    def visit(test, path):
        label = path or 'top level'
        results = test.results
        if test.plan is None:
            if path or results:
                out.append(('malformed', f'{label}: no plan'))
        elif len(results) < test.plan:
            out.append(('incomplete', f'{label}: {len(results)} of {test.plan} results'))
        elif len(results) > test.plan:
            out.append(('malformed', f'{label}: {len(results)} results for plan 1..{test.plan}'))
        for want, sub in enumerate(results, 1):
            if sub.number != want:
                out.append(('malformed', f'{label}: expected result {want}, '
                            f'got {sub.number} ({sub.name})'))
                break
        for sub in test.subtests:
            name = _full_name(path, sub)
            if sub.status is None:
                out.append(('incomplete', f'{name}: no result line'))
            if sub.has_doc:
                visit(sub, name)

    visit(root, '')
    return out


def _last_document(test):
    """The innermost document where the output stopped."""
    while test.subtests and test.subtests[-1].has_doc and test.subtests[-1].status is None:
        test = test.subtests[-1]
    return test


def check(root):
    """Failed Cases for a run whose KTAP is unusable: no plan, missing
    results, or malformed structure (at most one of each kind)."""
    if root.plan is None:
        why = ('KTAP header but no "1..N" plan line' if root.found
               else 'no "KTAP version 1" or "1..N" line in the output')
        return [Case('no KTAP plan', FAIL, [why])]
    found = problems(root)
    out = []
    incomplete = [msg for kind, msg in found if kind == 'incomplete']
    if incomplete:
        diag = list(incomplete)
        tail = _last_document(root).trailing[-15:]
        if tail:
            diag += ['output after the last result:'] + ['  ' + line for line in tail]
        out.append(Case('incomplete KTAP: ' + incomplete[0], FAIL, diag))
    malformed = [msg for kind, msg in found if kind == 'malformed']
    if malformed:
        out.append(Case('malformed KTAP: ' + malformed[0], FAIL, malformed))
    return out


def tally(case_list):
    """(passed, failed, skipped) of a list of Cases."""
    return (sum(c.status == PASS for c in case_list),
            sum(c.status == FAIL for c in case_list),
            sum(c.status == SKIP for c in case_list))


def summarise(path, text):
    """Prints the failures and the counts of one log; returns the failures."""
    lines = clean_lines(text)
    root = parse(lines)
    found = check(root) + cases(root)
    crash = find_crash(lines)
    if crash is not None:
        found.append(Case('kernel crash: ' + lines[crash].strip(), FAIL))
    for case in found:
        if case.status == FAIL:
            print(f'FAIL {path}: {case.name}')
            for line in case.diagnostics:
                print('    ' + line)
    passed, nfailed, skipped = tally(found)
    print(f'{path}: {passed} passed, {nfailed} failed, {skipped} skipped')
    return nfailed


def main(argv):
    ap = argparse.ArgumentParser(
        prog='ktap.py', description='Summarises saved console logs holding KTAP: '
        'each failed case with its diagnostics, a kernel crash, a missing or '
        'incomplete plan, then one "N passed, N failed, N skipped" line per log.',
        epilog='"ktap.py parse LOG..." is the same. The exit status is 1 if any case '
        'failed, 2 if a log cannot be read.')
    ap.add_argument('logs', nargs='*', metavar='LOG',
                    help='a console log (e.g. build/test-logs/virt-1G.log); '
                    '- or none: standard input')
    # "ktap.py parse LOG" reads as "ktap.py LOG" (kunit.py's verb)
    if argv[:1] == ['parse']:
        argv = argv[1:]
    args = ap.parse_args(argv)
    failed = 0
    for path in args.logs or ['-']:
        try:
            if path == '-':
                text = sys.stdin.read()
            else:
                with open(path, errors='replace') as f:
                    text = f.read()
        except OSError as e:
            print(f'ktap.py: {path}: {e.strerror}', file=sys.stderr)
            return 2
        failed += summarise(path, text)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/python3
"""Unit tests of scripts/ktap.py on canned KTAP transcripts, and of how
scripts/run_tests.py judges runs (checks on canned runs, then real processes
driven through small fake programs written to a temporary directory).
scripts/run_tests.py runs these as its "parser" group; they also run alone:
    /usr/bin/python3 tests/scripts/test_ktap.py
"""
import os
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'scripts'))

import ktap                      # noqa: E402
import run_tests                 # noqa: E402
from ktap import Case, FAIL, PASS, SKIP  # noqa: E402


def transcript(text, stamp=False):
    """Dedented text; with stamp, each line gets a printk timestamp."""
    lines = textwrap.dedent(text).strip('\n').split('\n')
    if stamp:
        lines = [f'[{i / 1000:12.6f}] {line}' for i, line in enumerate(lines)]
    return '\n'.join(lines) + '\n'


PASSING = transcript('''
    KTAP version 1
    1..2
        KTAP version 1
        # Subtest: fdt
        1..2
        ok 1 fdt_magic
        ok 2 fdt_live_blob
        # fdt: pass:2 fail:0 skip:0 total:2
    ok 1 fdt
        KTAP version 1
        # Subtest: string
        1..1
        ok 1 strlen_basic
        # string: pass:1 fail:0 skip:0 total:1
    ok 2 string
    # Totals: pass:3 fail:0 skip:0 total:3
''')

FAILING = transcript('''
    KTAP version 1
    1..1
        KTAP version 1
        # Subtest: fdt
        1..3
        ok 1 fdt_magic
        # fdt_live_blob: EXPECTATION FAILED at tests/kernel/x.c:12
        Expected a == b, but
            a == 1 (0x1)
            b == 2 (0x2)
        not ok 2 fdt_live_blob
        ok 3 fdt_after
        # fdt: pass:2 fail:1 skip:0 total:3
    not ok 1 fdt
    # Totals: pass:2 fail:1 skip:0 total:3
''')

SKIPPING = transcript('''
    KTAP version 1
    1..2
        KTAP version 1
        # Subtest: mm
        1..3
        ok 1 alloc
        ok 2 highmem # SKIP no highmem on this machine
        not ok 3 lpae # SKIP needs LPAE
        # mm: pass:1 fail:0 skip:2 total:3
    ok 1 mm
        KTAP version 1
        # Subtest: smp
        1..1
        ok 1 secondary # SKIP single CPU
        # smp: pass:0 fail:0 skip:1 total:1
    ok 2 smp # SKIP
    # Totals: pass:1 fail:0 skip:3 total:4
''')

INTERLEAVED = transcript('''
    Booting Pagoda on ARMv7
    Memory: 1024 MiB RAM
    ok 1 this boot line looks like a result but comes before KTAP
    KTAP version 1
    1..2
        KTAP version 1
        # Subtest: timer
        1..2
    timer: clocksource arch_sys_counter
        ok 1 tick
    WARNING: at kernel/time.c:40 tick_check
        # tick_rate: EXPECTATION FAILED at tests/kernel/timer.c:7
        Expected rate > 0, but
    irq: spurious interrupt 27
            rate == 0 (0x0)
        not ok 2 tick_rate
        # timer: pass:1 fail:1 skip:0 total:2
    not ok 1 timer
    # no test suite named 'nosuch'
    not ok 2 nosuch
    # Totals: pass:1 fail:2 skip:0 total:3
    reboot: Power down
''', stamp=True)

TRUNCATED = transcript('''
    KTAP version 1
    1..3
        KTAP version 1
        # Subtest: fdt
        1..1
        ok 1 fdt_magic
    ok 1 fdt
        KTAP version 1
        # Subtest: mm
        1..4
        ok 1 alloc
        ok 2 free
''', stamp=True)

OOPS = transcript('''
    KTAP version 1
    1..2
        KTAP version 1
        # Subtest: fault
        1..2
        ok 1 fault_ok
    Unable to handle kernel NULL pointer dereference at virtual address 00000000
    Internal error: Oops: 5 [#1] ARM
    PC is at fault_null+0x10/0x20
    LR is at ktest_run+0x1c4/0x300
    Backtrace:
    [<40012345>] (fault_null) from [<40023456>] (ktest_run)
    Kernel panic - not syncing: Fatal exception
''', stamp=True)

NESTED = transcript('''
    KTAP version 1
    1..1
        KTAP version 1
        # Subtest: printf
        1..2
            KTAP version 1
            # Subtest: widths
            1..3
            ok 1 width_0
            # width_5: EXPECTATION FAILED at tests/kernel/printf.c:30
            not ok 2 width_5
            ok 3 width_9 # SKIP slow
        not ok 1 widths
        ok 2 plain
    not ok 1 printf
''')


def statuses(cases):
    return {c.name: c.status for c in cases}


class TestConsoleLines(unittest.TestCase):
    def test_strip_timestamp(self):
        self.assertEqual(ktap.strip_timestamp('[    0.001234] ok 1 a'), 'ok 1 a')
        self.assertEqual(ktap.strip_timestamp('[12345.000001]     ok 1 a\r\n'), '    ok 1 a')
        self.assertEqual(ktap.strip_timestamp('[    0.1]'), '')
        self.assertEqual(ktap.strip_timestamp('[not a stamp] x'), '[not a stamp] x')
        self.assertEqual(ktap.strip_timestamp('  [    0.001234] x'), '  [    0.001234] x')

    def test_clean_lines_from_text(self):
        self.assertEqual(ktap.clean_lines('a\r\n[ 1.000000] b\r\n\tc\n'),
                         ['a', 'b', '        c'])

    def test_find_crash(self):
        lines = ktap.clean_lines(OOPS)
        self.assertIn('Internal error: Oops', lines[ktap.find_crash(lines)])
        self.assertEqual(ktap.find_crash(['x', 'Kernel panic - not syncing: y']), 1)
        self.assertIsNone(ktap.find_crash(ktap.clean_lines(PASSING)))


class TestParse(unittest.TestCase):
    def test_passing_run(self):
        root = ktap.parse(PASSING)
        self.assertTrue(root.found)
        self.assertEqual(root.plan, 2)
        self.assertEqual([t.name for t in root.subtests], ['fdt', 'string'])
        self.assertEqual(root.subtests[0].subtest_name, 'fdt')
        cases = ktap.cases(root)
        self.assertEqual(statuses(cases), {'fdt.fdt_magic': PASS, 'fdt.fdt_live_blob': PASS,
                                           'string.strlen_basic': PASS})
        self.assertEqual(ktap.check(root), [])
        self.assertEqual(ktap.problems(root), [])
        self.assertEqual(ktap.tally(cases), (3, 0, 0))

    def test_failing_case_has_its_diagnostics(self):
        root = ktap.parse(FAILING)
        cases = {c.name: c for c in ktap.cases(root)}
        self.assertEqual(ktap.tally(cases.values()), (2, 1, 0))
        failed = cases['fdt.fdt_live_blob']
        self.assertEqual(failed.status, FAIL)
        self.assertEqual(failed.diagnostics, [
            '# fdt_live_blob: EXPECTATION FAILED at tests/kernel/x.c:12',
            'Expected a == b, but',
            '    a == 1 (0x1)',
            '    b == 2 (0x2)'])
        self.assertEqual(cases['fdt.fdt_magic'].diagnostics, [])
        self.assertEqual(cases['fdt.fdt_after'].diagnostics, [])
        # The suite's own "not ok" is explained by its case: not counted again.
        self.assertNotIn('fdt', cases)
        self.assertEqual(ktap.check(root), [])

    def test_skipped_cases(self):
        root = ktap.parse(SKIPPING)
        cases = {c.name: c for c in ktap.cases(root)}
        self.assertEqual(statuses(cases.values()), {
            'mm.alloc': PASS, 'mm.highmem': SKIP, 'mm.lpae': SKIP, 'smp.secondary': SKIP})
        self.assertEqual(cases['mm.highmem'].reason, 'no highmem on this machine')
        self.assertEqual(ktap.tally(cases.values()), (1, 0, 3))
        self.assertEqual(root.subtests[1].status, SKIP)
        self.assertEqual(ktap.check(root), [])

    def test_interleaved_log_lines_and_timestamps(self):
        root = ktap.parse(INTERLEAVED)
        cases = {c.name: c for c in ktap.cases(root)}
        self.assertEqual(statuses(cases.values()), {
            'timer.tick': PASS, 'timer.tick_rate': FAIL, 'nosuch': FAIL})
        self.assertEqual(cases['timer.tick_rate'].diagnostics, [
            'WARNING: at kernel/time.c:40 tick_check',
            '# tick_rate: EXPECTATION FAILED at tests/kernel/timer.c:7',
            'Expected rate > 0, but',
            'irq: spurious interrupt 27',
            '    rate == 0 (0x0)'])
        self.assertEqual(cases['timer.tick'].diagnostics,
                         ['timer: clocksource arch_sys_counter'])
        self.assertEqual(ktap.check(root), [])

    def test_missing_suite_from_filter(self):
        root = ktap.parse(INTERLEAVED)
        nosuch = root.subtests[1]
        self.assertFalse(nosuch.has_doc)
        self.assertEqual((nosuch.number, nosuch.name, nosuch.status), (2, 'nosuch', FAIL))
        case = [c for c in ktap.cases(root) if c.name == 'nosuch'][0]
        self.assertEqual(case.diagnostics, ["# no test suite named 'nosuch'"])

    def test_lines_after_the_document_are_not_cases(self):
        root = ktap.parse(INTERLEAVED)
        self.assertEqual(root.trailing, ['# Totals: pass:1 fail:2 skip:0 total:3',
                                         'reboot: Power down'])

    def test_truncated_run(self):
        root = ktap.parse(TRUNCATED)
        self.assertEqual(statuses(ktap.cases(root)), {
            'fdt.fdt_magic': PASS, 'mm.alloc': PASS, 'mm.free': PASS})
        self.assertEqual(ktap.problems(root), [
            ('incomplete', 'top level: 1 of 3 results'),
            ('incomplete', 'mm: no result line'),
            ('incomplete', 'mm: 2 of 4 results')])
        [case] = ktap.check(root)
        self.assertEqual(case.status, FAIL)
        self.assertEqual(case.name, 'incomplete KTAP: top level: 1 of 3 results')

    def test_missing_case_in_the_middle(self):
        text = PASSING.replace('    ok 1 fdt_magic\n', '')
        problems = ktap.problems(ktap.parse(text))
        self.assertIn(('incomplete', 'fdt: 1 of 2 results'), problems)
        self.assertIn(('malformed', 'fdt: expected result 1, got 2 (fdt_live_blob)'), problems)
        names = [c.name for c in ktap.check(ktap.parse(text))]
        self.assertEqual(names, ['incomplete KTAP: fdt: 1 of 2 results',
                                 'malformed KTAP: fdt: expected result 1, got 2 (fdt_live_blob)'])

    def test_oops_transcript(self):
        root = ktap.parse(OOPS)
        self.assertEqual(statuses(ktap.cases(root)), {'fault.fault_ok': PASS})
        [case] = ktap.check(root)
        self.assertTrue(case.name.startswith('incomplete KTAP: top level: 0 of 2'))
        # The lines where the run stopped are shown with the problem.
        self.assertIn('  Internal error: Oops: 5 [#1] ARM', case.diagnostics)

    def test_nested_subtests(self):
        root = ktap.parse(NESTED)
        cases = {c.name: c for c in ktap.cases(root)}
        self.assertEqual(statuses(cases.values()), {
            'printf.widths.width_0': PASS, 'printf.widths.width_5': FAIL,
            'printf.widths.width_9': SKIP, 'printf.plain': PASS})
        self.assertEqual(cases['printf.widths.width_5'].diagnostics,
                         ['# width_5: EXPECTATION FAILED at tests/kernel/printf.c:30'])
        widths = root.subtests[0].subtests[0]
        self.assertEqual((widths.name, widths.plan, widths.status), ('widths', 3, FAIL))
        self.assertEqual(ktap.check(root), [])

    def test_subtests_without_headers(self):
        text = 'KTAP version 1\n1..1\n    1..2\n    ok 1 a\n    ok 2 b\nok 1 s\n'
        root = ktap.parse(text)
        self.assertEqual(statuses(ktap.cases(root)), {'s.a': PASS, 's.b': PASS})
        self.assertEqual(ktap.check(root), [])

    def test_subtest_name_before_version(self):
        text = ('KTAP version 1\n1..1\n    # Subtest: s\n    KTAP version 1\n    1..1\n'
                '    ok 1 a\nok 1 s\n')
        root = ktap.parse(text)
        self.assertEqual(statuses(ktap.cases(root)), {'s.a': PASS})
        self.assertEqual(ktap.check(root), [])

    def test_no_ktap(self):
        root = ktap.parse('Booting\nMemory: 1024 MiB RAM\npagoda> \n')
        self.assertFalse(root.found)
        self.assertEqual(ktap.cases(root), [])
        [case] = ktap.check(root)
        self.assertEqual((case.name, case.status), ('no KTAP plan', FAIL))

    def test_header_without_plan(self):
        root = ktap.parse('KTAP version 1\n')
        self.assertTrue(root.found)
        self.assertEqual([c.name for c in ktap.check(root)], ['no KTAP plan'])
        self.assertIn('no "1..N" plan', ktap.check(root)[0].diagnostics[0])

    def test_more_results_than_planned(self):
        root = ktap.parse('KTAP version 1\n1..1\nok 1 a\nok 2 b\n')
        self.assertEqual([c.name for c in ktap.check(root)],
                         ['malformed KTAP: top level: 2 results for plan 1..1'])

    def test_empty_suite(self):
        text = ('KTAP version 1\n1..1\n    KTAP version 1\n    # Subtest: empty\n'
                '    1..0\n    # empty: pass:0 fail:0 skip:0 total:0\nok 1 empty\n')
        root = ktap.parse(text)
        self.assertEqual(ktap.cases(root), [])
        self.assertEqual(ktap.check(root), [])

    def test_failed_suite_without_failed_case_is_a_failure(self):
        text = FAILING.replace('not ok 2 fdt_live_blob', 'ok 2 fdt_live_blob')
        cases = {c.name: c for c in ktap.cases(ktap.parse(text))}
        self.assertEqual(cases['fdt'].status, FAIL)
        self.assertEqual(ktap.tally(cases.values()), (3, 1, 0))

    def test_result_line_forms(self):
        text = 'KTAP version 1\n1..4\nok 1 - dash name\nnot ok 2\nok 3 # SKIP\nok 4 a b # TODO x\n'
        root = ktap.parse(text)
        self.assertEqual([(t.name, t.status, t.directive) for t in root.subtests], [
            ('dash name', PASS, ''), ('', FAIL, ''), ('', SKIP, 'SKIP'), ('a b', PASS, 'TODO x')])
        self.assertEqual([c.name for c in ktap.cases(root)], ['dash name', '#2', '#3', 'a b'])

    def test_crlf_and_host_output(self):
        root = ktap.parse(FAILING.replace('\n', '\r\n'))
        self.assertEqual(ktap.tally(ktap.cases(root)), (2, 1, 0))
        self.assertEqual(ktap.check(root), [])

    def test_second_document_is_ignored(self):
        root = ktap.parse(PASSING + PASSING)
        self.assertEqual(ktap.tally(ktap.cases(root)), (3, 0, 0))
        self.assertEqual(ktap.check(root), [])

    def test_lines_as_list_with_timestamps(self):
        lines = transcript(FAILING, stamp=True).splitlines(True)
        self.assertEqual(ktap.tally(ktap.cases(ktap.parse(lines))), (2, 1, 0))


# --- run_tests.py's judgement of runs ------------------------------------------

CONFIG = {c.name: c for c in run_tests.CONFIGS}


def boot(body, mem=1024):
    return transcript(f'Booting Pagoda\nMemory: {mem} MiB RAM\n') + body


class TestCheckConfig(unittest.TestCase):
    def check(self, config, text, status=0, **kw):
        run = run_tests.Run(text=text, status=status, **kw)
        return {c.name: c for c in run_tests.check_config(CONFIG[config], run, 120)}

    def test_passing_run(self):
        cases = self.check('virt-1G', boot(PASSING))
        self.assertEqual(statuses(cases.values()), {
            'virt-1G: QEMU exited with status 0': PASS,
            'virt-1G: banner RAM 1024 MiB': PASS,
            'virt-1G: fdt.fdt_magic': PASS,
            'virt-1G: fdt.fdt_live_blob': PASS,
            'virt-1G: string.strlen_basic': PASS})

    def test_failing_case_and_exit_status(self):
        cases = self.check('virt-1G', boot(FAILING), status=1)
        diag = cases['virt-1G: QEMU exited with status 0'].diagnostics
        self.assertEqual(diag[0], 'exited with status 1')
        # the console's last lines follow, so QEMU's own complaint shows
        self.assertTrue(diag[1].startswith('last '))
        failed = [n for n, c in cases.items() if c.status == FAIL]
        self.assertEqual(failed, ['virt-1G: QEMU exited with status 0',
                                  'virt-1G: fdt.fdt_live_blob'])

    def test_banner_must_match_memory(self):
        cases = self.check('virt-128M', boot(PASSING, mem=1024))
        case = cases['virt-128M: banner RAM 128 MiB']
        self.assertEqual(case.status, FAIL)
        self.assertEqual(case.diagnostics, ['the banner says: Memory: 1024 MiB RAM'])
        cases = self.check('virt-1G', PASSING)
        self.assertEqual(cases['virt-1G: banner RAM 1024 MiB'].status, FAIL)

    def test_expected_output(self):
        body = transcript('''
            cmdline: bad value 'mem=12Q' ignored
            Unknown kernel command line parameters "bogus_param=1", ignored
        ''', stamp=True) + PASSING
        cases = self.check('bad-param', boot(body))
        self.assertEqual(ktap.tally(cases.values()), (7, 0, 0))
        cases = self.check('bad-param', boot(PASSING))
        self.assertEqual(cases["bad-param: output matches /bad value 'mem=12Q'/"].status, FAIL)

    def test_timeout(self):
        cases = self.check('virt-1G', boot('KTAP version 1\n1..2\n'), status=-9,
                           timed_out=True)
        self.assertNotIn('virt-1G: QEMU exited with status 0', cases)
        case = cases['virt-1G: timed out after 120 s']
        self.assertEqual(case.status, FAIL)
        self.assertIn('  1..2', case.diagnostics)
        self.assertEqual(cases['virt-1G: incomplete KTAP: top level: 0 of 2 results'].status,
                         FAIL)

    def test_shell_timeout_names_the_waiting_input(self):
        cases = self.check('shell', boot('pagoda> '), status=-9, timed_out=True,
                           unsent=('help', 'poweroff'))
        diag = cases['shell: timed out after 120 s'].diagnostics
        self.assertIn("waiting for the prompt 'pagoda> ' to type 'help'", diag)

    def test_timeout_names_the_hung_program(self):
        text = boot('=== libc ===\nok\n=== libc exit=0 ===\n=== hostile_x ===\nstarted\n')
        cases = self.check('usertests', text, status=-9, timed_out=True)
        diag = cases['usertests: timed out after 120 s'].diagnostics
        self.assertIn('hung in the program hostile_x (its end marker never came)', diag)

    def test_crash(self):
        filler = ''.join(f'line {i}\n' for i in range(60))
        cases = self.check('virt-1G', boot(OOPS + filler))
        name = 'virt-1G: kernel crash: Internal error: Oops: 5 [#1] ARM'
        diag = cases[name].diagnostics
        # The crash line and the 20 after it, then the last 30 lines.
        self.assertEqual(diag[0], 'the crash and the 20 lines after it:')
        self.assertTrue(diag[1].endswith('Internal error: Oops: 5 [#1] ARM'))
        self.assertTrue(diag[21].endswith('line 14'))
        self.assertEqual(diag[22:24], ['last 30 console lines:', '  line 30'])
        self.assertEqual(diag[-1], '  line 59')
        self.assertEqual(len(diag), 53)

    def test_crash_even_with_complete_ktap(self):
        text = boot(PASSING + 'Kernel panic - not syncing: late\n')
        failed = [n for n, c in self.check('virt-1G', text).items() if c.status == FAIL]
        self.assertEqual(failed, ['virt-1G: kernel crash: Kernel panic - not syncing: late'])

    def test_no_plan(self):
        cases = self.check('virt-1G', boot('Kernel booted, no tests\n'))
        self.assertEqual(cases['virt-1G: no KTAP plan'].status, FAIL)

    def test_shell_needs_no_ktap(self):
        text = boot('pagoda> version\nPagoda version 0.1\npagoda> help\nversion help '
                    'poweroff\npagoda> run /bin/memhog 64K &\n[2] /bin/memhog\n'
                    'pagoda> test\nktest: 9 passed, 0 failed, 0 skipped\n'
                    'pagoda> poweroff\nreboot: Power down\n')
        cases = self.check('shell', text)
        self.assertEqual(ktap.tally(cases.values()), (6, 1, 0))
        self.assertEqual(cases["shell: README's boot transcript matches a real boot"].status,
                         FAIL)   # this canned boot prints no banner

    def test_qemu_did_not_start(self):
        cases = self.check('virt-1G', '', status=None, error='cannot run qemu: No such file')
        self.assertEqual(list(cases), ['virt-1G: QEMU did not start'])

    def test_mem_mib(self):
        self.assertEqual([run_tests.mem_mib(m) for m in ('1G', '128M', '512', '2g')],
                         [1024, 128, 512, 2048])


class TestCheckHost(unittest.TestCase):
    def check(self, text, status=0, **kw):
        run = run_tests.Run(text=text, status=status, **kw)
        return run_tests.check_host('test_x', run, 120)

    def failed(self, cases):
        return [c.name for c in cases if c.status == FAIL]

    def test_pass_and_fail(self):
        self.assertEqual(ktap.tally(self.check(PASSING)), (3, 0, 0))
        self.assertEqual(self.failed(self.check(FAILING, status=1)),
                         ['test_x: fdt.fdt_live_blob'])

    def test_nonzero_exit_without_failure(self):
        cases = self.check(PASSING, status=1)
        self.assertEqual(self.failed(cases),
                         ['test_x: exited with status 1 but its KTAP shows no failure'])
        self.assertEqual(ktap.tally(cases), (3, 1, 0))

    def test_crash_is_one_failure(self):
        cases = self.check(TRUNCATED, status=-11)
        self.assertEqual(self.failed(cases), ['test_x: crashed: killed by SIGSEGV'])
        self.assertIn('incomplete KTAP: top level: 1 of 3 results', cases[-1].diagnostics)

    def test_sanitizer(self):
        text = TRUNCATED + '==1==ERROR: AddressSanitizer: heap-buffer-overflow\n'
        self.assertEqual(self.failed(self.check(text, status=1)),
                         ['test_x: crashed: ==1==ERROR: AddressSanitizer: heap-buffer-overflow'])

    def test_no_plan(self):
        self.assertEqual(self.failed(self.check('usage: test_x\n', status=0)),
                         ['test_x: no KTAP plan'])


# --- real processes, with fakes in a temporary directory -------------------------

class TestProcesses(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory(prefix='pagoda-test-')
        self.addCleanup(tmp.cleanup)
        self.tmp = Path(tmp.name)

    def script(self, name, body):
        path = self.tmp / name
        path.write_text('#!/bin/bash\n' + textwrap.dedent(body))
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
        return str(path)

    def test_output_and_status(self):
        fake = self.script('fake', '''
            printf 'one\\r\\ntwo\\n'
            echo err >&2
            exit 3
        ''')
        run = run_tests.run_process([fake], 10)
        self.assertEqual((run.lines, run.status, run.timed_out), (['one', 'two', 'err'], 3, False))

    def test_timeout_kills_the_process_group(self):
        fake = self.script('fake', f'''
            echo booting
            sleep 1000 &
            echo $! > {self.tmp}/child
            sleep 1000
        ''')
        start = time.monotonic()
        run = run_tests.run_process([fake], 1)
        self.assertTrue(run.timed_out)
        self.assertLess(time.monotonic() - start, 5)
        self.assertEqual(run.lines, ['booting'])
        child = int((self.tmp / 'child').read_text())
        for _ in range(50):
            if not Path(f'/proc/{child}').exists() or \
                    Path(f'/proc/{child}/stat').read_text().split()[2] == 'Z':
                break
            time.sleep(0.1)
        else:
            self.fail('the background child survived the timeout')

    def test_leftover_child_holding_the_pipe(self):
        fake = self.script('fake', 'echo done\nsleep 1000 &\nexit 0\n')
        run = run_tests.run_process([fake], 30)
        self.assertFalse(run.timed_out)
        self.assertEqual((run.lines, run.status), (['done'], 0))
        self.assertLess(run.seconds, 10)

    def test_commands_are_typed_after_each_prompt(self):
        fake = self.script('fake', '''
            sleep 0.3
            prompt() {
                if read -t 0; then echo "EARLY INPUT"; fi
                printf 'pagoda> '
            }
            prompt
            while read -r cmd; do
                echo "$cmd"
                [ "$cmd" = poweroff ] && exit 0
                sleep 0.2
                prompt
            done
            echo "EOF ON STDIN"
        ''')
        run = run_tests.run_process([fake], 10, ('version', 'help', 'poweroff'), 'pagoda> ')
        self.assertEqual(run.text, 'pagoda> version\npagoda> help\npagoda> poweroff\n')
        self.assertEqual((run.status, run.unsent), (0, ()))

    def test_typed_input_needs_no_prompt(self):
        fake = self.script('fake', '''
            printf 'pagoda> '
            read -r cmd
            echo "ran $cmd"
            IFS= read -r -n 1 key
            printf 'key %s\\n' "$(printf %s "$key" | od -An -c | tr -d ' ')"
            printf 'pagoda> '
            read -r cmd
            echo "$cmd"
        ''')
        run = run_tests.run_process([fake], 10, ('sleep 30', run_tests.Typed('\x03', 0.2),
                                                 'poweroff'), 'pagoda> ')
        self.assertEqual(run.text, 'pagoda> ran sleep 30\nkey 003\npagoda> poweroff\n')
        self.assertEqual(run.sent, ('sleep 30', run_tests.Typed('\x03', 0.2), 'poweroff'))

    def test_missing_program(self):
        run = run_tests.run_process([str(self.tmp / 'nothing')], 10)
        self.assertIn('cannot run', run.error)

    def test_whole_program_with_fake_qemu(self):
        build = self.tmp / 'build'
        build.mkdir()
        (build / 'Image').write_bytes(b'')
        (self.tmp / 'ktap.txt').write_text(boot(PASSING))
        fake = self.script('qemu', f'''
            echo "args: $*"
            cat {self.tmp}/ktap.txt
        ''')
        env = dict(os.environ, PAGODA_QEMU=fake)
        proc = subprocess.run(
            [sys.executable, str(ROOT / 'scripts' / 'run_tests.py'), '--only', 'virt-1G',
             '--build-dir', str(build), '--timeout', '20'],
            env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.stdout.splitlines()[-1], '5 passed, 0 failed', proc.stdout)
        self.assertEqual(proc.returncode, 0)
        log = (build / 'test-logs' / 'virt-1G.log').read_text()
        self.assertIn(f'-m 1G -nographic -no-reboot -semihosting-config enable=on,target=native '
                      f'-kernel {build}/Image '
                      f'-initrd {build}/initramfs.cpio -append ktest=all semihosting panic=-1', log)


class TestGuestErrors(unittest.TestCase):
    def test_log_judged(self):
        log = ROOT / 'build' / 'test-logs' / 'unittest-qemu.txt'
        log.parent.mkdir(parents=True, exist_ok=True)
        check = run_tests.no_guest_errors('unittest')
        try:
            log.write_text('bcm2835_powermgt_write: RSTS\nbcm2835_powermgt_write: WDOG\n')
            self.assertTrue(check([])[0][1])
            log.write_text('pl011_write: Bad offset 0x100\n')
            name, ok, diag = check([])[0]
            self.assertEqual((ok, diag), (False, ['pl011_write: Bad offset 0x100']))
            log.unlink()
            self.assertFalse(check([])[0][1])
        finally:
            log.unlink(missing_ok=True)


class TestKtapCommand(unittest.TestCase):
    def run_ktap(self, *args, stdin=''):
        return subprocess.run([sys.executable, str(ROOT / 'scripts' / 'ktap.py'), *args],
                              input=stdin, capture_output=True, text=True, timeout=30)

    def test_help(self):
        proc = self.run_ktap('--help')
        self.assertEqual((proc.returncode, proc.stderr), (0, ''))
        self.assertIn('usage: ktap.py [-h] [LOG ...]', proc.stdout)

    def test_parse_is_an_alias(self):
        proc = self.run_ktap('parse', '-', stdin=PASSING)
        self.assertEqual(proc.returncode, 0)
        self.assertEqual(proc.stdout.splitlines()[-1], '-: 3 passed, 0 failed, 0 skipped')

    def test_missing_log(self):
        proc = self.run_ktap('/nonexistent.log')
        self.assertEqual(proc.returncode, 2)
        self.assertEqual(proc.stderr, 'ktap.py: /nonexistent.log: No such file or directory\n')

    def test_log_on_stdin(self):
        proc = self.run_ktap(stdin=PASSING)
        self.assertEqual(proc.returncode, 0)
        self.assertEqual(proc.stdout.splitlines()[-1], '-: 3 passed, 0 failed, 0 skipped')


# --- choosing cases (T=, LIST=) and reports (JUNIT=, JSON=) ------------------------

class TestFilter(unittest.TestCase):
    def test_entry_matches(self):
        m = run_tests.entry_matches
        self.assertTrue(m('slub', 'slub.alloc_free'))
        self.assertFalse(m('slub', 'slub_model.alloc_free'))
        self.assertTrue(m('slub*', 'slub_model.alloc_free'))
        self.assertTrue(m('slub.*free', 'slub.alloc_free'))
        self.assertFalse(m('slub.*free', 'slub.free_alloc'))
        self.assertTrue(m('*.fork_?', 'fork.fork_1'))
        self.assertFalse(m('sl[u]b', 'slub.x'))      # brackets are plain characters

    def test_parse_listing(self):
        lines = transcript("""
            [    0.01] ktest-list: fdt.magic
            noise
            ktest-list: slub.alloc
            ktest-list: end
            ktest-list: after.end
        """).split('\n')
        self.assertEqual(run_tests.parse_listing(lines), ['fdt.magic', 'slub.alloc'])
        self.assertIsNone(run_tests.parse_listing(lines[:3]))

    def test_choose(self):
        listing = {'kernel': ['slub.a', 'buddy.b'], 'test_slub': ['slub.a', 'slub_model.c'],
                   'test_fdt': ['fdt_read.x']}
        chosen, unused = run_tests.choose(listing, ['slub*', 'buddy.b', 'nothing.*'])
        self.assertEqual(chosen, {'kernel': ['slub*', 'buddy.b'], 'test_slub': ['slub*']})
        self.assertEqual(unused, ['nothing.*'])


def _groups():
    return [run_tests.Group('virt-1G', [
                Case('virt-1G: QEMU exited with status 0', PASS),
                Case('virt-1G: slub.bad', FAIL, ['    # bad: EXPECTATION FAILED at x.c:3',
                                                 'control \x1b[0m char']),
                Case('virt-1G: fdt.skipped', SKIP, reason='no device')],
                seconds=1.5, command='qemu-system-arm ...'),
            run_tests.Group('parser', [Case('parser: one', PASS)], seconds=0.1)]


class TestReports(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory(prefix='pagoda-test-')
        self.addCleanup(tmp.cleanup)
        self.tmp = Path(tmp.name)

    def test_junit(self):
        import xml.etree.ElementTree as ET
        path = self.tmp / 'r.xml'
        run_tests.write_junit(_groups(), path)
        root = ET.parse(path).getroot()
        self.assertEqual((root.tag, root.get('tests'), root.get('failures'),
                          root.get('skipped')), ('testsuites', '4', '1', '1'))
        suites = root.findall('testsuite')
        self.assertEqual([s.get('name') for s in suites], ['virt-1G', 'parser'])
        cases = suites[0].findall('testcase')
        self.assertEqual([c.get('name') for c in cases],
                         ['QEMU exited with status 0', 'slub.bad', 'fdt.skipped'])
        self.assertEqual(cases[1].get('classname'), 'virt-1G')
        failure = cases[1].find('failure')
        self.assertIn('EXPECTATION FAILED at x.c:3', failure.text)
        self.assertIn('control \\x1b[0m char', failure.text)
        self.assertEqual(cases[2].find('skipped').get('message'), 'no device')
        self.assertIsNone(cases[0].find('failure'))
        self.assertIn('command: qemu-system-arm', suites[0].find('system-out').text)

    def test_json(self):
        import json
        path = self.tmp / 'r.json'
        run_tests.write_json(_groups(), path)
        doc = json.loads(path.read_text())
        self.assertEqual((doc['passed'], doc['failed'], doc['skipped']), (2, 1, 1))
        case = doc['groups'][0]['cases'][1]
        self.assertEqual((case['name'], case['status']), ('virt-1G: slub.bad', 'fail'))
        self.assertEqual(case['diagnostics'][0], '    # bad: EXPECTATION FAILED at x.c:3')
        self.assertEqual(doc['groups'][1]['name'], 'parser')

    def test_expected_crash(self):
        cfg = CONFIG['crash-bug']
        text = boot('pagoda> crash bug\nkernel BUG at kernel/crash.c:62!\n'
                    'Kernel panic - not syncing: BUG\n', mem=256)
        cases = {c.name: c for c in run_tests.check_config(cfg, run_tests.Run(text=text,
                                                                              status=0), 120)}
        self.assertEqual(cases['crash-bug: the kernel crashes with /Kernel panic - not '
                               'syncing: BUG/'].status, PASS)
        self.assertFalse([n for n in cases if 'kernel crash:' in n])
        cases = run_tests.check_config(cfg, run_tests.Run(text=boot('pagoda> crash bug\n',
                                                                    mem=256), status=0), 120)
        crash = next(c for c in cases if 'crashes with' in c.name)
        self.assertEqual((crash.status, crash.diagnostics), (FAIL, ['no oops or panic']))

    def test_exit_status_config(self):
        cfg = CONFIG['ktest-exit-status']
        self.assertEqual(cfg.status, 1)
        self.assertIn('semihosting', cfg.cmdline.split())
        cases = {c.name: c for c in run_tests.check_config(cfg, run_tests.Run(
            text=boot('not ok 1 x\n'), status=0), 120)}
        self.assertEqual(cases['ktest-exit-status: QEMU exited with status 1'].status, FAIL)

    def test_ktest_configs_ask_for_semihosting(self):
        for cfg in run_tests.CONFIGS:
            # a board's own QEMU command has no semihosting: there it would be an SVC
            if 'ktest=' in cfg.cmdline and not cfg.qemu:
                self.assertIn('semihosting', cfg.cmdline.split(), cfg.name)
        argv = run_tests.qemu_command(CONFIG['virt-1G'], Path('build'))
        self.assertIn('-no-reboot', argv)
        self.assertEqual(argv[argv.index('-semihosting-config') + 1], 'enable=on,target=native')


FAKE_KERNEL_CASES = ['fdt.fdt_magic', 'fdt.fdt_live_blob', 'string.strlen_basic']


class TestFilterCommand(unittest.TestCase):
    """run_tests.py --list, --filter, --junit with a fake QEMU and host binary."""

    def setUp(self):
        tmp = tempfile.TemporaryDirectory(prefix='pagoda-test-')
        self.addCleanup(tmp.cleanup)
        self.tmp = Path(tmp.name)
        self.build = self.tmp / 'build'
        (self.build / 'host').mkdir(parents=True)
        (self.build / 'Image').write_bytes(b'')
        listing = ''.join(f'ktest-list: {n}\\n' for n in FAKE_KERNEL_CASES)
        # the fake QEMU lists for ktest=list, else prints the filter and PASSING
        self.qemu = self.write('qemu', f"""
            for a in "$@"; do case "$a" in ktest=*) k="$a";; esac; done
            echo "$k"
            if [ "${{k%% *}}" = "ktest=list" ]; then printf '{listing}ktest-list: end\\n'; exit 0; fi
            cat {self.tmp}/ktap.txt
        """)
        (self.tmp / 'ktap.txt').write_text(boot(PASSING))
        self.write('build/host/test_x', """
            if [ "$1" = list ]; then
                printf 'ktest-list: xsuite.one\\nktest-list: xsuite.two\\nktest-list: end\\n'
                exit 0
            fi
            echo "filter: $1"
            printf 'KTAP version 1\\n1..1\\n    KTAP version 1\\n    # Subtest: xsuite\\n'
            printf '    1..1\\n    ok 1 two\\nok 1 xsuite\\n'
        """)

    def write(self, name, body):
        path = self.tmp / name
        path.write_text('#!/bin/bash\n' + textwrap.dedent(body))
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
        return str(path)

    def run_tests(self, *args):
        env = dict(os.environ, PAGODA_QEMU=self.qemu)
        return subprocess.run(
            [sys.executable, str(ROOT / 'scripts' / 'run_tests.py'), '--build-dir',
             str(self.build), '--timeout', '20', *args],
            env=env, capture_output=True, text=True, timeout=60)

    def test_list(self):
        proc = self.run_tests('--list')
        self.assertEqual(proc.returncode, 0, proc.stdout)
        self.assertEqual(proc.stdout.splitlines()[1:], [
            '  fdt.fdt_magic', '  fdt.fdt_live_blob', '  string.strlen_basic',
            'test_x:', '  xsuite.one', '  xsuite.two'])

    def test_list_with_filter(self):
        proc = self.run_tests('--list', '--filter', '*.*two,fdt.*magic')
        self.assertEqual(proc.stdout.splitlines()[1:], ['  fdt.fdt_magic', 'test_x:',
                                                       '  xsuite.two'])

    def test_filter_runs_what_it_selects(self):
        proc = self.run_tests('--filter', 'fdt.*,xsuite.two,nothing', '--junit',
                              str(self.tmp / 'r.xml'), '--json', str(self.tmp / 'r.json'))
        out = proc.stdout.splitlines()
        self.assertEqual(out[-1], '6 passed, 1 failed', proc.stdout)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("FAIL filter: no suite or case matches 'nothing'", out)
        # one kernel boot (virt-1G) with just the kernel's entries; the host
        # binary gets its own; no parser group, no other configuration
        self.assertEqual([l.split()[1] for l in out if l.startswith(('ok ', 'FAIL '))
                          and '(' in l], ['filter', 'test_x', 'virt-1G'])
        log = (self.build / 'test-logs' / 'virt-1G.log').read_text()
        self.assertTrue(log.startswith('ktest=fdt.* semihosting panic=-1\n'), log[:80])
        log = (self.build / 'test-logs' / 'test_x.log').read_text()
        self.assertTrue(log.startswith('filter: xsuite.two\n'), log[:80])
        self.assertIn('<testsuite name="test_x"', (self.tmp / 'r.xml').read_text())
        self.assertIn('"name": "test_x: xsuite.two"', (self.tmp / 'r.json').read_text())

    def test_make_passes_the_options(self):
        proc = subprocess.run(['make', '-n', '--no-print-directory', 'test', 'BOARD=virt',
                               "T=slub.*,b?",
                               'LIST=1', 'JUNIT=r.xml', 'JSON=r.json'], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        command = proc.stdout.replace('\\\n', ' ').split('\n')
        line = next((l for l in command if 'scripts/run_tests.py' in l), '')
        self.assertEqual(line.split('scripts/run_tests.py', 1)[1].split(),
                         ['--board', 'virt', "--filter", "'slub.*,b?'", '--list',
                          '--junit', "'r.xml'",
                          '--json', "'r.json'"], proc.stdout + proc.stderr)

    def test_listing_failure_is_reported(self):
        (self.build / 'host' / 'test_x').write_text('#!/bin/bash\nexit 0\n')
        proc = self.run_tests('--list')
        self.assertEqual(proc.returncode, 1)
        self.assertIn('cannot list the cases of test_x', proc.stdout)


if __name__ == '__main__':
    unittest.main()

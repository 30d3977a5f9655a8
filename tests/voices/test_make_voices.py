#!/usr/bin/env python3
"""Tests of tools/make-voices on the small scenario in tests/voices/small.

Usage: test_make_voices.py PATH-TO-SOFS   (CTest passes the built sofs)
Needs espeak-ng and sox, as the script does.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCRIPT = os.path.join(ROOT, "tools", "make-voices")
SMALL = os.path.join(HERE, "small")
SOFS = None


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, "--sofs", SOFS, "--jobs", "2"] + list(args),
                          capture_output=True, text=True)


def plan(folder, *extra):
    out = subprocess.run([SOFS, "voices"] + list(extra) + [folder], capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def manifest(out):
    with open(os.path.join(out, "small-voices", "manifest.json"), encoding="utf-8") as f:
        return json.load(f)


def oggs(out):
    return sorted(n for n in os.listdir(os.path.join(out, "small-voices")) if n.endswith(".ogg"))


class MakeVoices(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="sofs-voices-test-")
        self.out = os.path.join(self.tmp, "voices")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def copy_small(self):
        folder = os.path.join(self.tmp, "scenarios")
        shutil.copytree(SMALL, folder)
        return folder

    def edit_small(self, folder, old, new):
        """Replaces `old` with `new` in the copied small scenario's file."""
        path = os.path.join(folder, "small-voices.yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))

    def test_one_file_per_spoken_line_named_as_the_plan_says(self):
        # GIVEN the small scenario WHEN it is voiced
        r = run("--out", self.out, SMALL)
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        # THEN every line a person says (not the narrator's, not the recorded one) has its file
        lines = [i for i in plan(SMALL) if i["kind"] == "line"]
        self.assertEqual(len(lines), 6)
        generated = sorted(i["file"] for i in lines if not i["audio"])
        self.assertEqual(len(generated), 5)
        self.assertEqual(oggs(self.out), generated)
        for name in generated:
            with open(os.path.join(self.out, "small-voices", name), "rb") as f:
                self.assertEqual(f.read(4), b"OggS", name)
        m = manifest(self.out)
        self.assertEqual(m["lines"]["s.visit.2"]["authored"], "audio/sam-hello.ogg")
        self.assertNotIn("s.visit.0", m["lines"])  # the narrator
        self.assertIn("5 made", r.stdout)

    def test_every_person_has_a_voice_of_their_own(self):
        run("--out", self.out, SMALL)
        people = manifest(self.out)["people"]
        self.assertEqual(len(people), 6)
        voices = [p["voice"] for p in people.values()]
        self.assertEqual(len(set(voices)), len(voices), voices)
        self.assertEqual(people["nain"]["voice"], "cy+f2")   # written in the file
        self.assertFalse(people["nain"]["chosen"])
        # and each line was made in its speaker's voice
        for key, line in manifest(self.out)["lines"].items():
            if "voice" in line:
                self.assertEqual(line["voice"], people[line["speaker"]]["voice"], key)

    def test_a_welsh_sentence_is_read_by_the_welsh_voice(self):
        run("--out", self.out, SMALL)
        lines = manifest(self.out)["lines"]
        self.assertEqual(lines["s.visit.3"]["languages"], ["cy", "en"])   # "Bore da. Good morning to you."
        self.assertEqual(lines["s.visit.1"]["languages"], ["en"])
        self.assertEqual(lines["c.ask.0"]["languages"], ["en"])          # "Nain" alone does not make it Welsh

    def test_a_second_run_makes_nothing(self):
        run("--out", self.out, SMALL)
        folder = os.path.join(self.out, "small-voices")
        before = {n: os.stat(os.path.join(folder, n)).st_mtime_ns for n in oggs(self.out)}
        r = run("--out", self.out, SMALL)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("0 made, 5 unchanged", r.stdout)
        after = {n: os.stat(os.path.join(folder, n)).st_mtime_ns for n in oggs(self.out)}
        self.assertEqual(before, after)

    def test_an_edited_line_alone_is_made_again_and_its_old_file_goes(self):
        folder = self.copy_small()
        run("--out", self.out, folder)
        old = set(oggs(self.out))
        self.edit_small(folder, "I help with his reading.", "I help with his spelling.")
        r = run("--out", self.out, folder)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1 made, 4 unchanged", r.stdout)
        new = set(oggs(self.out))
        self.assertEqual(len(new), 5)
        gone, came = old - new, new - old
        self.assertEqual(len(gone), 1)
        self.assertEqual(len(came), 1)
        self.assertTrue(next(iter(came)).startswith("c.ask.1."))

    def test_a_changed_voice_makes_that_persons_lines_again(self):
        folder = self.copy_small()
        run("--out", self.out, folder)
        self.edit_small(folder, "gender: female}\n  - {id: owen", "gender: female, voice: en-gb-x-rp+f4}\n  - {id: owen")
        before = manifest(self.out)["people"]
        r = run("--out", self.out, folder)
        self.assertEqual(r.returncode, 0, r.stderr)
        after = manifest(self.out)
        self.assertEqual(after["people"]["ava"]["voice"], "en-gb-x-rp+f4")
        # Ava's line is made again, and the lines of anyone whose chosen voice
        # moved because of hers (voices are handed out in the order people are
        # listed); nobody else's.
        moved = {p for p in after["people"] if after["people"][p]["voice"] != before[p]["voice"]}
        self.assertIn("ava", moved)
        expected = sum(1 for line in after["lines"].values() if line["speaker"] in moved and "voice" in line)
        self.assertLess(expected, 5)
        self.assertIn("%d made, %d unchanged" % (expected, 5 - expected), r.stdout)

    def test_narrator_lines_on_request(self):
        r = run("--narrator", "--out", self.out, SMALL)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("s.visit.0", manifest(self.out)["lines"])
        self.assertEqual(len(oggs(self.out)), 6)

    def test_a_voice_espeak_does_not_have_is_reported_and_nothing_is_made(self):
        folder = self.copy_small()
        self.edit_small(folder, 'voice: "cy+f2"', 'voice: "zz+f2"')
        r = run("--out", self.out, folder)
        self.assertEqual(r.returncode, 1)
        self.assertIn("person 'nain' has voice 'zz+f2': espeak-ng has no language 'zz'", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.out, "small-voices")))

    def test_a_scenario_with_errors_is_reported(self):
        folder = self.copy_small()
        self.edit_small(folder, 'voice: "cy+f2"', 'voice: "Welsh please"')
        r = run("--out", self.out, folder)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("error[SCN045]", r.stderr)

    def test_check_makes_nothing_and_says_the_voices_are_there(self):
        r = run("--check", "--out", self.out, SMALL)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("small-voices: 6 people, 6 spoken lines, voices available", r.stdout)
        self.assertFalse(os.path.exists(os.path.join(self.out, "small-voices")))

    def test_help(self):
        r = subprocess.run([sys.executable, SCRIPT, "--help"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0)
        self.assertIn("--out DIR", r.stdout)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: test_make_voices.py PATH-TO-SOFS")
    SOFS = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)

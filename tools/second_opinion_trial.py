#!/usr/bin/env python3
"""Second-opinion trial: does a learned model beside the rules agree better
with the practice leads' labels on text it was not trained on?

(Since the ninth round the C++ version is built in for four criteria: see
assessment/CRITERIA.md, "The second opinion", and train it with
tests/bench/train_second_opinion. This script stays as the independent
Python measurement it was adopted on; bench_assess --dump gives it the
rules' verdicts alone.)

What it measures. For every criterion of danger statements (DS-*) and safety
goals (SG-*), a logistic regression (L2, a few epochs of SGD, fixed seed) is
trained on:
  - the rules' verdict for that criterion, and the rules' verdicts for the
    statement's other criteria;
  - hashed word unigrams and bigrams of the lowercased text, with the case's
    people replaced by role tokens (a child, an adult of the family, a
    professional, another adult; from scenarios/<case>.yaml) and numbers and
    times by one token;
  - one token per lexicon file (and file:section) a word belongs to
    (content/lexicons/*.txt, crude stems).
The combined verdict is the rules' unless the model is confident against them:
p(met) >= t overturns a rules' "not met", p(met) <= 1 - t overturns a "met".
The threshold t (one per criterion, from 0.5 to 1.0 = never overturn) is
chosen inside the training folds only, by inner folds of the same kind as the
outer one.

It is measured two ways, always on text the model did not train on:
  (a) leave-one-case-out: train on 12 cases, test on the 13th, for all 13;
  (b) newest writers out: train on every set but round7-*, test on round7-*.
Printed per criterion and overall: rules alone vs combined, how many
verdicts flipped and how many of those flips were right.

Run (from the repository root, after building bench_assess):
    build/tests/bench/bench_assess --dump /tmp/dump.jsonl
    python3 tools/second_opinion_trial.py /tmp/dump.jsonl
The dump holds tuning sets only (bench_assess never dumps unseen-* sets).
Standard library only; on one core (b) takes under a minute, (a) about
twenty-five minutes (`... dump.jsonl b` or `a` runs one of them).
"""
import collections
import glob
import json
import math
import os
import random
import re
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIM = 1 << 18
EPOCHS = 5
L2 = 1e-4
LR = 0.1
SEED = 8
THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01]
INNER_FOLDS = 4

# Kinship words used as aliases: they stay words, they are not names.
KIN = {"dad", "daddy", "dadi", "mum", "mummy", "mam", "mama", "nan", "nani", "nanny", "nain", "tata", "baba",
       "grandad", "grandma", "tad", "mr", "mrs", "ms", "dc", "dr", "pc", "the", "baby"}
# Names that are also common English words: replaced only when written with a capital.
COMMON = {"may", "will", "grace", "joy", "precious", "shell", "mark", "pat", "dean", "lee", "jay", "mo", "sam", "tom"}
ROLE = {"child": "P_CHILD", "caregiver": "P_ADULT", "family": "P_ADULT", "professional": "P_PRO", "other": "P_OTHER"}
NUMBER_WORDS = set("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
                   "hundred half quarter".split())


def stem(w):
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def load_people():
    people = {}
    for f in glob.glob(os.path.join(ROOT, "scenarios", "*.yaml")):
        txt = open(f, encoding="utf-8").read()
        cid = re.search(r"^id: (\S+)", txt, re.M).group(1)
        m = re.search(r"^people:\n(.*?)(?=^\S)", txt, re.S | re.M)
        roles = collections.defaultdict(set)
        for blk in re.split(r"^  - ", m.group(1), flags=re.M)[1:]:
            name = re.search(r'name: "([^"]*)"', blk).group(1)
            role = re.search(r"role: (\w+)", blk).group(1)
            al = re.search(r"aliases: \[(.*)\]", blk)
            als = re.findall(r'"([^"]*)"', al.group(1)) if al else []
            for phrase in [name] + als:
                for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", phrase):
                    if w.lower() not in KIN and w[0].isupper():
                        roles[w.lower()].add(ROLE.get(role, "P_OTHER"))
        people[cid] = {w: (next(iter(r)) if len(r) == 1 else "P_NAME") for w, r in roles.items()}
    return people


def load_lexicons():
    lex = collections.defaultdict(set)
    for f in sorted(glob.glob(os.path.join(ROOT, "content", "lexicons", "*.txt"))):
        base = os.path.basename(f)[:-4]
        section, rules_only = "", False
        for line in open(f, encoding="utf-8"):
            line = line.split("#", 1)[0].split("=>", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and "]" in line:
                # "[name]" or "[name] !rules-only" (read by the rules alone, no feature)
                section = line[1:line.index("]")].strip()
                rules_only = line[line.index("]") + 1:].strip() == "!rules-only"
                continue
            if rules_only:
                continue
            for w in re.findall(r"[a-z']+", line.lstrip("=").lower()):
                if w in ("num",) or len(w) < 2:
                    continue
                lex[stem(w)].add("L:" + base)
                lex[stem(w)].add("L:" + base + ":" + section)
    return lex


def tokens(text, names):
    out = []
    for m in re.finditer(r"[^\W_]+(?:['’][a-z]+)?|[.,;!?]", text):
        raw = m.group(0)
        w = raw.lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if w in names and (w not in COMMON or raw[0].isupper()):
            out.append(names[w])
        elif re.fullmatch(r"\d+(st|nd|rd|th|am|pm|s)?", w) or w in NUMBER_WORDS:
            out.append("NUM")
        elif w in ".,;!?":
            out.append("|")
        else:
            out.append(w)
    return out


def h(s):
    return zlib.crc32(s.encode()) % DIM


def features(item, crit, names, lex):
    """Feature indices (with value 1, except the rules' own verdict: +-1) for one criterion."""
    toks = tokens(item["text"], names)
    feats = {}
    rules = item["rules"]
    feats[h("BIAS")] = 1.0
    feats[h("RULE_SELF")] = 1.0 if rules.get(crit) else -1.0
    for c, v in rules.items():
        if c != crit:
            feats[h("RULE:%s=%d" % (c, v))] = 1.0
    prev = "<s>"
    for t in toks:
        feats[h("U:" + t)] = 1.0
        feats[h("B:" + prev + " " + t)] = 1.0
        for l in lex.get(stem(t), ()):
            feats[h(l)] = 1.0
        prev = t
    feats[h("B:" + prev + " </s>")] = 1.0
    return list(feats.items())


def sigmoid(z):
    if z > 30:
        return 1.0
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def train(xs, ys, seed=SEED):
    w = {}
    order = list(range(len(xs)))
    rng = random.Random(seed)
    step = 0
    for ep in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            x = xs[i]
            z = 0.0
            for f, v in x:
                z += w.get(f, 0.0) * v
            g = sigmoid(z) - ys[i]
            lr = LR / (1 + 0.0001 * step)
            step += 1
            for f, v in x:
                wf = w.get(f, 0.0)
                w[f] = wf - lr * (g * v + L2 * wf)
    return w


def predict(w, x):
    z = 0.0
    for f, v in x:
        z += w.get(f, 0.0) * v
    return sigmoid(z)


def combine(rule, p, t):
    if rule and p <= 1 - t:
        return False
    if not rule and p >= t:
        return True
    return rule


def choose_threshold(rules, probs, labels):
    best, best_t = -1, 1.01
    for t in THRESHOLDS:
        ok = sum(combine(r, p, t) == y for r, p, y in zip(rules, probs, labels))
        if ok > best or (ok == best and t > best_t):
            best, best_t = ok, t
    return best_t


def group_folds(keys, n):
    """Split distinct keys into n folds, deterministically."""
    ks = sorted(set(keys))
    return [set(ks[i::n]) for i in range(n)]


def fit_and_test(train_items, test_items, crit, X, group_of):
    """Trains on train_items (threshold from inner folds of train_items), returns (rule, p, combined, label) for test."""
    # Inner folds: out-of-fold probabilities on the training items to choose the threshold.
    keys = [group_of(it) for it in train_items]
    folds = group_folds(keys, min(INNER_FOLDS, len(set(keys))))
    rules, probs, labels = [], [], []
    for fold in folds:
        tr = [it for it, k in zip(train_items, keys) if k not in fold]
        te = [it for it, k in zip(train_items, keys) if k in fold]
        w = train([X[id(it)] for it in tr], [it["labels"][crit] for it in tr])
        for it in te:
            rules.append(it["rules"][crit])
            probs.append(predict(w, X[id(it)]))
            labels.append(it["labels"][crit])
    t = choose_threshold(rules, probs, labels)
    w = train([X[id(it)] for it in train_items], [it["labels"][crit] for it in train_items])
    out = []
    for it in test_items:
        p = predict(w, X[id(it)])
        r = it["rules"][crit]
        out.append((r, p, combine(r, p, t), it["labels"][crit]))
    return out, t


def round_of(item):
    m = re.match(r"(round\d+)", item["set"])
    return m.group(1).replace("round4b", "round4") if m else "early"


def report(title, results):
    print(title)
    print("  %-24s %6s %8s %9s %7s %6s %6s" % ("criterion", "n", "rules", "combined", "delta", "flips", "right"))
    tot = [0, 0, 0, 0, 0]
    for crit in sorted(results):
        rs = results[crit]
        n = len(rs)
        r_ok = sum(r == y for r, p, c, y in rs)
        c_ok = sum(c == y for r, p, c, y in rs)
        flips = sum(r != c for r, p, c, y in rs)
        right = sum(r != c and c == y for r, p, c, y in rs)
        for i, v in enumerate((n, r_ok, c_ok, flips, right)):
            tot[i] += v
        print("  %-24s %6d %8.3f %9.3f %+7.3f %6d %6d" % (crit, n, r_ok / n, c_ok / n, (c_ok - r_ok) / n, flips, right))
    n, r_ok, c_ok, flips, right = tot
    print("  %-24s %6d %8.3f %9.3f %+7.3f %6d %6d" % ("overall", n, r_ok / n, c_ok / n, (c_ok - r_ok) / n, flips, right))
    print()


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    items = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    items = [it for it in items if not it["set"].startswith("unseen-")]  # never, even if given
    people = load_people()
    lex = load_lexicons()
    crits = sorted({c for it in items for c in it["labels"]})
    which = sys.argv[2:] or ["a", "b"]
    for way in which:
        results = collections.defaultdict(list)
        thresholds = collections.defaultdict(list)
        for crit in crits:
            pool = [it for it in items if crit in it["labels"] and crit in it["rules"]]
            X = {id(it): features(it, crit, people.get(it["case"], {}), lex) for it in pool}
            if way == "a":
                for case in sorted({it["case"] for it in pool}):
                    tr = [it for it in pool if it["case"] != case]
                    te = [it for it in pool if it["case"] == case]
                    out, t = fit_and_test(tr, te, crit, X, lambda it: it["case"])
                    results[crit] += out
                    thresholds[crit].append(t)
            else:
                tr = [it for it in pool if round_of(it) != "round7"]
                te = [it for it in pool if round_of(it) == "round7"]
                out, t = fit_and_test(tr, te, crit, X, round_of)
                results[crit] += out
                thresholds[crit].append(t)
            print("  %s %s thresholds %s" % (way, crit, thresholds[crit]), file=sys.stderr, flush=True)
        report("(%s) %s" % (way, "leave-one-case-out (13 folds)" if way == "a" else "train on all but round7-*, test on round7-*"),
               results)
    return 0


if __name__ == "__main__":
    sys.exit(main())

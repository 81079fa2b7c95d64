#!/usr/bin/env python3
"""Linear time on hostile shapes: times `yblint check` (whole process) on each
shape at 1x, 2x, 4x and 8x its base size and prints the seconds and the ratio
of each run to the one before (about 2 when time grows linearly, 4 when it
grows quadratically).

    python3 benches/linear.py [--bin target/release/yblint] [--scale N] [--shape NAME]

Shapes: a sentence of many brackets with figures, a paragraph of many `X中，`
openers, many `按…分` cuts, a long 其中 list, unclosed brackets, a paragraph
without punctuation, short lines without 。, a table pasted as text, and many paragraphs each with
its own 其中 breakdown (a whole book's breakdowns: any look-up that scans all
of them for each one shows here).
A timing, never a test: these machines are noisy, read the ratios.
"""
import argparse, os, subprocess, tempfile, time

SHAPES = {
    "brackets": lambda n: "全县" + "".join(f"（{i}人）" for i in range(n)) + "。",
    "openers": lambda n: "全县常住人口100人。" + "常住人口中，男性1人，" * n + "。",
    "announced cuts": lambda n: "粮食总产量18.6万吨。" + "按季节分，夏粮4.1万吨，" * n + "。",
    "long 其中 list": lambda n: "全县学校90000所，其中，" + "，".join(f"第{i}类学校1所" for i in range(n)) + "。",
    "unclosed brackets": lambda n: "（【“《" * (n // 4) + "。",
    "no punctuation": lambda n: "全县学校" * (n // 2),
    "short lines": lambda n: "全县学校12所\n" * (n // 4),
    "pasted table": lambda n: "".join(f"乡镇{i}  {i} {i+1} {i+2}\n" for i in range(n // 4)),
    "many breakdowns": lambda n: "".join(
        f"第{i}镇有学校{90 + i % 7}所，其中，小学{50 + i % 7}所，初中40所。\n" for i in range(n // 2)),
}

def run(binary, path):
    start = time.perf_counter()
    subprocess.run([binary, "check", "--format", "json", path],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/yblint")
    ap.add_argument("--scale", type=int, default=10000, help="base number of items")
    ap.add_argument("--shape", action="append", help="time only this shape (repeatable)")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="yb-linear-")
    print(f"{'shape':<18} {'1x':>7} {'2x':>7} {'4x':>7} {'8x':>7}   ratios")
    for name, make in SHAPES.items():
        if a.shape and name not in a.shape:
            continue
        times = []
        for k in (1, 2, 4, 8):
            path = os.path.join(tmp, "draft.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(make(a.scale * k) + "\n")
            times.append(run(a.bin, path))
        ratios = " ".join(f"{b / a:.1f}" for a, b in zip(times, times[1:]))
        print(f"{name:<18} " + " ".join(f"{t:7.2f}" for t in times) + f"   {ratios}")

if __name__ == "__main__":
    main()

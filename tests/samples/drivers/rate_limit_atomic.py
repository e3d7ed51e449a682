"""Calls each rate-limit Lua script from many threads at once against a real Redis and prints
how many calls each allowed. Run from a directory holding the page's .lua files."""
import json
import os
import sys
import threading
from pathlib import Path

import redis

THREADS, CALLS, LIMIT = 20, 15, 50  # 300 calls against a limit of 50
url = os.environ["REDIS_URL"]
scripts = {n: Path(f"{n}.lua").read_text() for n in ("fixed_window", "sliding_window", "token_bucket")}
args = {
    "fixed_window": [LIMIT, 60_000],
    "sliding_window": [LIMIT, 60_000],
    "token_bucket": [LIMIT, 0.001, 1],  # refills one token in 1,000 s: none during the test
}
result = {}
for name, src in scripts.items():
    key = f"atomic-test:{name}:{os.getpid()}"
    allowed = [0] * THREADS
    start = threading.Barrier(THREADS)

    def worker(i: int) -> None:
        client = redis.Redis.from_url(url)  # one connection per thread, so calls really interleave
        script = client.register_script(src)
        start.wait()
        for _ in range(CALLS):
            if script(keys=[key], args=args[name])[0] == 1:
                allowed[i] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result[name] = sum(allowed)
json.dump({"limit": LIMIT, "calls": THREADS * CALLS, "allowed": result}, sys.stdout)

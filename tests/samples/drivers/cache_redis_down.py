"""update_price must commit and return although Redis is unreachable (REDIS_URL points at a
closed port). Prints the price the database holds afterwards."""
import json
import sys

import product_cache as pc

pc.update_price("42", 3500)  # must not raise
json.dump({"price_cents": pc._db["42"]["price_cents"]}, sys.stdout)

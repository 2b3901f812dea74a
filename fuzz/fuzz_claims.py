"""Long fuzz run of the claims parser (outside CI): `python fuzz/fuzz_claims.py --minutes 10`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fuzz import longrun

if __name__ == "__main__":
    sys.argv[1:1] = ["claims"]
    longrun.main()

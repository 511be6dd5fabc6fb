"""Sums of paired scores, from which a question's facility and discrimination follow.

Both the teacher's question analysis and the admin's item statistics add up,
in SQL, n, Σx, Σy, Σxy, Σx² and Σy² per question version, where x is the
score on the question and y an attempt score. :class:`Moments` pools such
sums in Python and reads the mean of x and the correlation of x with y
(Pearson's r; the point-biserial index for right/wrong questions) from them.
"""

import math
from dataclasses import dataclass

# Below this spread of x or y (n² times the variance) the correlation is undefined.
NO_SPREAD = 1e-12


@dataclass
class Moments:
    """Sums of item score x and attempt score y over some answers."""

    n: int = 0
    sx: float = 0.0
    sy: float = 0.0
    sxy: float = 0.0
    sxx: float = 0.0
    syy: float = 0.0

    @classmethod
    def from_sums(cls, n, sx, sy, sxy, sxx, syy) -> "Moments":
        """Moments from SQL sums, which are None over no rows and may be Decimals."""
        return cls(int(n or 0), *(float(value or 0) for value in (sx, sy, sxy, sxx, syy)))

    def add(self, other: "Moments") -> None:
        """Pool ``other``'s answers into these sums."""
        self.n += other.n
        self.sx += other.sx
        self.sy += other.sy
        self.sxy += other.sxy
        self.sxx += other.sxx
        self.syy += other.syy

    def mean_x(self) -> float | None:
        """The mean item score, or None without answers."""
        return self.sx / self.n if self.n else None

    def correlation(self) -> float | None:
        """Pearson's r of x and y, or None when either does not vary."""
        if self.n < 2:
            return None
        spread_x = self.n * self.sxx - self.sx**2
        spread_y = self.n * self.syy - self.sy**2
        if spread_x <= NO_SPREAD or spread_y <= NO_SPREAD:
            return None
        r = (self.n * self.sxy - self.sx * self.sy) / math.sqrt(spread_x * spread_y)
        return max(-1.0, min(1.0, r))

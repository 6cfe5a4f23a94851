"""What each asker was last told, so that a follow-up ("what about on T-Mobile?") can inherit the phone,
country and carrier it does not state. Kept in memory, for a few minutes, bounded in size."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from .engine import Answer

FOLLOW_UP_SECONDS = 300.0


class Conversations:
    def __init__(
        self, ttl: float = FOLLOW_UP_SECONDS, size: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl
        self.size = size
        self._clock = clock
        self._answers: OrderedDict[Hashable, tuple[float, Answer]] = OrderedDict()

    def remember(self, key: Hashable, answer: Answer) -> None:
        self._answers[key] = (self._clock(), answer)
        self._answers.move_to_end(key)
        while len(self._answers) > self.size:
            self._answers.popitem(last=False)

    def recall(self, key: Hashable) -> Answer | None:
        """The answer remembered under the key, unless it is older than the time a follow-up has."""
        found = self._answers.get(key)
        if found is None:
            return None
        at, answer = found
        if self._clock() - at > self.ttl:
            del self._answers[key]
            return None
        return answer

"""Prometheus metrics shared by every adapter (one registry per process, or per test)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self.questions = Counter(
            "devicebot_questions",
            "Questions answered, by intent and outcome (answered, ambiguous, unknown)",
            ["adapter", "intent", "outcome"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "devicebot_answer_seconds",
            "Time to answer one question",
            ["adapter"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.edits = Counter(
            "devicebot_knowledge_edits", "Knowledge writes, by action", ["action"], registry=self.registry
        )
        self.errors = Counter(
            "devicebot_errors", "Errors caught, by where they happened", ["where"], registry=self.registry
        )

    def exposition(self) -> bytes:
        return generate_latest(self.registry)

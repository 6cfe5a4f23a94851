"""The Discord adapter: a thin layer over `bot.service.Service` (no answering rules live here)."""

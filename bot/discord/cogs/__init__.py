"""One cog per concern: answering (ask), editing the knowledge (kb), noticing other processes' edits (watch)."""

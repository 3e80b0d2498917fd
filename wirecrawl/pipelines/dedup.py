"""Near-duplicate signatures: computed here, outside the storage transaction.

The store links each new or changed story into its cluster (exact body hash, MinHash near
duplicate, or a credit line naming a stored story) in the same transaction that writes it; this
pipeline only does the CPU work beforehand, so the write lock is held briefly.
"""

from __future__ import annotations

from typing import Any

from wirecrawl.items import Story
from wirecrawl.pipelines import CountingPipeline


class DedupSignaturePipeline(CountingPipeline):
    """Sets ``item.signature``: the MinHash of the cleaned body under the index's settings."""

    component = "dedup"

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        from wirecrawl.dedup import DedupConfig

        self.config = DedupConfig(
            threshold=crawler.settings.getfloat("WIRECRAWL_DEDUP_THRESHOLD", DedupConfig.threshold)
        )

    def process_item(self, item: Story) -> Story:
        from wirecrawl.dedup import minhash, shingle_hashes

        hashes = shingle_hashes(item.body or "", self.config.shingle)
        item.signature = minhash(hashes, self.config.num_perm).astype("<u4").tobytes()
        self.count("signatures")
        return item

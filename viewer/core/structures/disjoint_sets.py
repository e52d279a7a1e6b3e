"""Disjoint sets (union-find) with path halving: the one used for clusters of quotes and articles."""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class DisjointSets:
    """Groups of items joined pairwise; ``find`` names a group by one of its members."""

    def __init__(self, items: Iterable[Hashable] = ()) -> None:
        self.parent: dict[Hashable, Hashable] = {item: item for item in items}

    def add(self, item: Hashable) -> None:
        self.parent.setdefault(item, item)

    def __contains__(self, item: Hashable) -> bool:
        return item in self.parent

    def find(self, item: Hashable) -> Hashable:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: Hashable, b: Hashable) -> bool:
        """Join the groups of ``a`` and ``b`` (``a``'s root goes under ``b``'s); False if already one."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        self.parent[root_a] = root_b
        return True

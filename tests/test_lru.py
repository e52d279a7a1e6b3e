"""The bounded cache the pair view keeps alignments and word differences in."""

from viewer.core.structures.lru import LruCache


def test_the_least_recently_used_entry_goes_first():
    cache: LruCache[str, int] = LruCache(2)
    cache["a"] = 1
    cache["b"] = 2
    assert cache["a"] == 1  # "a" is now the newest
    cache["c"] = 3
    assert "b" not in cache and "a" in cache and "c" in cache
    assert len(cache) == 2


def test_it_never_holds_more_than_its_size():
    cache: LruCache[int, int] = LruCache(5)
    for number in range(1000):
        cache[number] = number
    assert len(cache) == 5 and all(n in cache for n in range(995, 1000))

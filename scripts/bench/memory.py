"""Peak memory of the process that asks, for the bench's child and its timing hook."""
from __future__ import annotations

import resource


def peak_mib() -> float:
    """This process's peak resident memory since it started its program.

    ``getrusage`` would do, but on Linux a child's figure starts from its parent's size
    at the fork (the kernel carries it across ``exec``): the bench's own process, grown
    by generating 10,000 sessions, would show in the next small measurement.
    ``VmHWM`` is the peak of this program's memory alone.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def helper_usage() -> dict:
    """CPU time and peak memory of the processes this one has waited for: the writing
    helper and the forked copy that renders half the pages.

    The peak is an upper bound: as above, a child's figure starts from its parent's size
    when it was started (small for the helper, started before the logs are read; the
    whole knowledge base for the copy, whose pages it shares with this process).
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mib": usage.ru_maxrss / 1024}

"""What every benchmark prints about the machine it ran on."""

import os
import platform
from pathlib import Path


def cpu_model() -> str:
    """The CPU's model name (Linux), or what the platform says."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    """Cores, CPU, system and the load when the benchmark started (a busy machine is noisy)."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} cores, {cpu_model()}, {platform.system()}, load {load:.1f} at start"

#!/usr/bin/env python3
"""Runs a command once (stdout to /dev/null) and prints its peak resident
memory in KiB, from wait4's rusage: peak.py CMD ARGS..."""
import os
import sys

pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
code = os.waitstatus_to_exitcode(status)
if code != 0:
    sys.exit(f"peak.py: {' '.join(sys.argv[1:])} exited {code}")
print(usage.ru_maxrss)

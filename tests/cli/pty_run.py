#!/usr/bin/env python3
"""pty_run.py OUT ERR PROGRAM ARGS...: run PROGRAM with stderr on a
pseudo-terminal (so isatty(2) holds) and stdout on a pipe; write what each
received, byte for byte, to OUT and ERR; exit with the program's status."""
import os
import pty
import subprocess
import sys
import threading

out_path, err_path, *cmd = sys.argv[1:]
master, slave = pty.openpty()
proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL)
os.close(slave)
out = []
reader = threading.Thread(target=lambda: out.append(proc.stdout.read()))
reader.start()
err = bytearray()
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:  # EIO: the child closed the terminal
        break
    if not chunk:
        break
    err += chunk
reader.join()
os.close(master)
with open(out_path, "wb") as f:
    f.write(out[0])
with open(err_path, "wb") as f:
    f.write(err)
sys.exit(proc.wait())

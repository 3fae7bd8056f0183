"""Reading the sources safely: the trust boundary, sanitising, counting blocks, the gate at parse time."""

import sys

from hgkm.cli import main

sys.exit(main())

import sys

from hgkm.tools.cli import main

sys.exit(main())

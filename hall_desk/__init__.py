"""hall-desk: the front-desk program of a county government service hall (政务服务中心)."""

__version__ = "0.1.0"

"""Item models, proxies and delegates between storage and the views."""

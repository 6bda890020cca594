"""Performance benchmark of the portal: synthetic content, timed pages and searches; see README "Performance"."""

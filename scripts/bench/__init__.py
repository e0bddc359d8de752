"""The scale benchmark: synthetic study logs of growing size, timed stage by stage.

``python -m bench [--quick]`` (``make bench``) writes the Performance page of the site.
"""

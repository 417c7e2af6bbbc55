"""The satisfaction survey screen (``loket survey-screen``) and its question panel."""

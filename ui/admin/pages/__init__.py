"""The pages of the supervisor's window, one a file."""

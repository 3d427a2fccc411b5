"""Builds a random-weight Whisper in the file layout of the onnx-community exports (see generate.py)."""

"""IRO challenges: the issues resolution process, from an alert or formal challenge on a child's case,
through the LA's stages (each answered within its working days), to resolution."""

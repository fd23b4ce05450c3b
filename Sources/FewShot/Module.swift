// FewShot module.

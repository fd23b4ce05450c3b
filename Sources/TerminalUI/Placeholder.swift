// placeholder until the ui branch lands

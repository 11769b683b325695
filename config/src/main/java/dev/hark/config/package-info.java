/**
 * The settings the {@code hark} command line and the hark Maven plugin share, defined once ({@link
 * dev.hark.config.Setting}), the rule that names them on each front end ({@link dev.hark.config.SettingNames}), and
 * which command is which goal ({@link dev.hark.config.FrontEnds}). Plain Java without dependencies, so the plugin
 * can use it without the trainer.
 */
package dev.hark.config;

/** File handling the app's parts share: replacing a file so that a reader never sees it half written. */
package dev.whiskstudio.app.io;

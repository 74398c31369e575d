/**
 * The user's environment as files and variables: {@link dev.whiskstudio.app.workspace.env.DotEnv} reads a
 * {@code .env} file, {@link dev.whiskstudio.app.workspace.env.WskProps} the wsk CLI's {@code ~/.wskprops}, and
 * {@link dev.whiskstudio.app.workspace.env.UserEnvironment} says where the home directory is and which process
 * variables are set, so that tests can give their own. Values read here may be secrets: no {@code toString} or
 * error message repeats one.
 */
package dev.whiskstudio.app.workspace.env;

package dev.whiskstudio.app;
public class Launcher { public static void main(String[] a) {} }

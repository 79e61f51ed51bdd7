/** The start page: who is signed in, with which roles where, and the size of their scope. */
package org.dudao.home;

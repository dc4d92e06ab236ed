package com.example.firstcontact;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A user's application as the README describes it: the starter, component scanning,
 * nothing else.
 */
@SpringBootApplication
public class FirstContactApplication {

}
